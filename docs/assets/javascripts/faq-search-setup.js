/* Runs before Material's bundle (overrides/main.html), after faq-material.js
 * (the adapter through which we touch Material's internals), for its search box.
 *
 * 1. static-i18n builds every language with one site root, so Material would
 *    load one index for all languages. Here config.base becomes this
 *    language's root: Material then loads <root>/search/search_index.js|json
 *    (written per language by faqlib/build.py site_outputs) and resolves result
 *    links against it. config.search becomes our worker.
 * 2. Browsers refuse `new Worker(file:...)`. Material answers that with a CDN
 *    iframe shim that runs search on the page's own thread; a worker built
 *    from a blob: URL runs from disk, off the main thread. So Material's
 *    worker is replaced (faqMaterial.replaceSearchWorker) by ours, made here
 *    (start()): from its address over http, from its source from disk
 *    (faq-search-worker.js).
 * 3. The worker is told first where this language's search folder is, and
 *    how shards reach it: over http it fetches them; from disk it asks the
 *    page ("load"), which loads each as a <script> (the one way every engine
 *    allows from disk: Chromium 156 refuses a worker's importScripts of file:
 *    URLs) and posts its data back ("shard"). A file that could not be had
 *    is named in the result area, in the page's language, instead of
 *    "no results" (failure()).
 * 4. Excerpts: Material shows text only under page-level results, and ours
 *    are questions (#id). So the results our worker sends are watched here,
 *    and when Material renders one, its excerpt is asked of the worker
 *    (which loads that answer's file, search/t-<n>.js) and put under the
 *    result's title. Above it, on a site of several pages, goes the page's
 *    name; and the count says how many questions matched in all.
 * 5. No request for a file that is not there: Material's language
 *    integration would fetch every alternate's sitemap.xml
 *    (faqMaterial.dropAlternates says why it is not needed).
 */
(function () {
  "use strict"
  var script = document.currentScript
  var material = window.faqMaterial
  if (!script || !material) return
  var S = material.selectors
  var config = material.configure(function (data) {
    data.base = script.getAttribute("data-base")
    data.search = script.getAttribute("data-worker")
  })
  if (!config) return
  var shownText = script.getAttribute("data-results-shown") // '# matching…, the best {shown} shown'
  var failedText = JSON.parse(script.getAttribute("data-failed") || "{}") // why -> what happened, what to do
  var loadTimeout = Number(script.getAttribute("data-load-timeout")) || undefined
  var deadEnd = JSON.parse(script.getAttribute("data-dead-end") || "{}") // nearest, suggest, nothing, home
  material.dropAlternates()

  var root = new URL(config.base.replace(/\/?$/, "/"), location.href)
  var fromDisk = location.protocol === "file:"
  var worker = null

  /* Our worker, given the browser's Worker: Material's stand-in starts it
   * at its first message. */
  function start(NativeWorker) {
    var source = window.faqSearchWorkerSource
    worker = fromDisk && source
      ? new NativeWorker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })))
      : new NativeWorker(config.search)
    worker.postMessage({ type: "root", url: new URL("search/", root).href, viaPage: fromDisk, timeout: loadTimeout })
    // Registered before the stand-in's own listener, so it sees results
    // before Material renders them.
    worker.addEventListener("message", function (ev) {
      var message = ev.data
      if (!message) return
      if (message.type === "results") results(message)
      else if (message.type === "excerpts") received(message.excerpts)
      else if (message.type === "load") message.files.forEach(loadShard)
    })
    return worker
  }
  material.replaceSearchWorker(new URL(config.search, location.href).href, start)

  /* From disk: a shard file as a classic script. It calls faqSearchShard()
   * as it runs (document.currentScript is then its element); its data goes
   * to the worker as it is. A file that does not load, or loads without
   * calling, is reported to the worker as lost. */
  var loading = new Map() // script element -> shard file name
  function loadShard(name) {
    var el = document.createElement("script")
    el.src = new URL("search/" + name + ".js", root).href
    loading.set(el, name)
    var done = function (why) {
      if (loading.has(el)) worker.postMessage({ type: "shard", name: name, failed: why })
      loading.delete(el)
      el.remove()
    }
    el.onload = function () { done("damaged") } // (not sent if it called faqSearchShard)
    el.onerror = function () { done("missing") }
    document.head.appendChild(el)
  }
  window.faqSearchShard = function (kind, n, data) {
    var el = document.currentScript
    if (!worker || !loading.has(el)) return
    loading.delete(el)
    worker.postMessage({ type: "shard", kind: kind, n: n, data: data })
  }

  var wanted = new Map() // result address without ?h= -> its result
  var asked = new Set()  // docs whose excerpt was asked for, for these results
  var shown = new Map()  // doc -> excerpt markup, for these results
  var total = 0
  var answer = null // the worker's last results message

  function key(href) {
    var url = new URL(href, root)
    url.search = ""
    return url.href
  }

  /* Our worker's results: {results: [{url, doc, marks, page, …}], total,
   * partial (the best few: the whole list follows), failed}. */
  function results(message) {
    wanted = new Map()
    asked = new Set()
    shown = new Map()
    total = message.total
    message.results.forEach(function (result) { wanted.set(key(result.url), result) })
    // The list says which query it answers (Material sends each query it
    // reads, and the answers come in order: an earlier query's answer can
    // land after the reader has typed on), and is busy until all of it is
    // in: while only the best few are listed, and until our notes are.
    var list = document.querySelector(S.list)
    if (list) {
      list.setAttribute("data-query", message.query)
      list.setAttribute("aria-busy", "true")
    }
    // After Material's own listener has rendered the list and its count;
    // unless a later answer came first (it is then the list shown).
    answer = message
    setTimeout(function () {
      if (answer !== message) return
      watch()
      count(message.results.length)
      helpAfterNothing(message.near, message.failed.length > 0)
      failure(message.failed)
      if (list && !message.partial) list.removeAttribute("aria-busy")
    }, 0)
  }

  /* No dead ends. When nothing matched, the worker sends the questions
   * nearest to it (message.near: {suggestion}), or none ({}). The count line
   * says they are the nearest, and offers the suggestion as a button that
   * searches for it ("did you mean"); with none, it points to every question
   * on the home page. Keyboard: Tab reaches the button or link from the
   * search box; the arrow keys move through the results as ever. */
  function helpAfterNothing(near, lost) {
    var help = noteUnderCount("p", "faq-dead-end", near && !lost)
    if (!help) return
    if (near.suggestion) {
      document.querySelector(S.meta).textContent = deadEnd.nearest || ""
      help.appendChild(document.createTextNode((deadEnd.suggest || "") + " "))
      var button = document.createElement("button")
      button.type = "button"
      button.className = "faq-suggestion"
      button.textContent = near.suggestion
      button.addEventListener("click", function () { material.search(near.suggestion) })
      help.appendChild(button)
    } else {
      var parts = (deadEnd.nothing || "").split("{home}")
      help.appendChild(document.createTextNode(parts[0]))
      var home = document.createElement("a")
      home.href = new URL("index.html", root).href
      home.textContent = deadEnd.home || ""
      help.appendChild(home)
      help.appendChild(document.createTextNode(parts[1] || ""))
    }
  }

  /* Files of the index this query could not have: the results may lack
   * what they held, so the count line says what happened and what to do
   * (never "no results"), and the screen reader hears it (role=alert). */
  function failure(lost) {
    var note = noteUnderCount("div", "faq-search-failed", lost.length > 0)
    if (!note) return
    var why = lost[0][1]
    note.setAttribute("role", "alert")
    note.textContent = (failedText[why] || failedText.missing || "Part of the search index could not be loaded: {files}")
      .replace("{files}", lost.map(function (f) { return "search/" + f[0] }).join(", "))
    if (!document.querySelector(S.item)) document.querySelector(S.meta).textContent = ""
  }

  /* A note of ours right under the count line, made anew for each list (the
   * last list's goes): a new element when *wanted* and Material shows the
   * count line, else null. */
  function noteUnderCount(tag, className, wanted) {
    var old = document.querySelector("." + className)
    if (old) old.remove()
    var meta = document.querySelector(S.meta)
    if (!meta || !wanted) return null
    var note = document.createElement(tag)
    note.className = className
    meta.parentNode.insertBefore(note, meta.nextSibling)
    return note
  }

  function received(pairs) {
    pairs.forEach(function (pair) { shown.set(pair[0], pair[1]) })
    decorate()
  }

  /* More questions matched than are listed: the count says how many, and
   * that the best are shown (in the page's language, overrides/main.html). */
  function count(listed) {
    var meta = document.querySelector(S.meta)
    if (!meta || !shownText || total <= listed) return
    meta.textContent = shownText.replace("#", total.toLocaleString(document.documentElement.lang || undefined))
      .replace("{shown}", listed)
  }

  /* Puts the page's name above each rendered result and its excerpt under it,
   * asking the worker for the excerpts not yet here. Material renders results
   * in batches as the list scrolls, so this runs on every change of the list. */
  function decorate() {
    var ask = []
    document.querySelectorAll(S.link).forEach(function (link) {
      var article = link.querySelector(S.article)
      var info = wanted.get(key(link.getAttribute("href")))
      if (!article || !info) return
      if (info.page && !article.querySelector(".faq-result-page")) {
        // The page the question is on, above its title (text, never markup).
        var where = document.createElement("span")
        where.className = "faq-result-page"
        where.textContent = info.page
        article.insertBefore(where, article.firstChild)
      }
      name(link, article)
      if (article.querySelector(".faq-excerpt")) return
      var markup = shown.get(info.doc)
      if (markup) {
        var excerpt = document.createElement("p")
        excerpt.className = S.teaser + " faq-excerpt"
        excerpt.innerHTML = markup // escaped by the worker's excerpt()
        article.appendChild(excerpt)
        name(link, article)
      } else if (markup === undefined && !asked.has(info.doc)) {
        asked.add(info.doc)
        ask.push({ doc: info.doc, marks: info.marks })
      }
    })
    if (ask.length && worker) worker.postMessage({ type: "excerpts", wanted: ask })
  }

  /* Chromium gives a link no name from its contents when they sit in an
   * <article>, as Material's results do, so a screen reader on a result the
   * arrow keys focus would hear a bare "link". Name it by its page and title,
   * and describe it by its excerpt. Ids take the reserved "__faq-" prefix. */
  var named = 0
  function ident(el) {
    if (!el.id) el.id = "__faq-result-" + ++named
    return el.id
  }
  function name(link, article) {
    var parts = [article.querySelector(".faq-result-page"), article.querySelector("h1, h2")]
    link.setAttribute("aria-labelledby", parts.filter(Boolean).map(ident).join(" "))
    var excerpt = article.querySelector(".faq-excerpt")
    if (excerpt) link.setAttribute("aria-describedby", ident(excerpt))
  }

  var observed = null
  function watch() {
    var list = document.querySelector(S.list)
    if (!list || list === observed) return decorate()
    observed = list
    new MutationObserver(decorate).observe(list, { childList: true })
    decorate()
  }
})()
