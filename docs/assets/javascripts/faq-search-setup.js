/* Runs before Material's bundle (overrides/main.html), for its search box.
 *
 * 1. static-i18n builds every language with one site root, so Material would
 *    load one index for all languages. Here config.base becomes this
 *    language's root: Material then loads <root>/search/search_index.js|json
 *    (written per language by hooks/search_index.py) and resolves result
 *    links against it. config.search becomes our worker.
 * 2. Browsers refuse `new Worker(file:...)`. Material answers that with a CDN
 *    iframe shim that runs search on the page's own thread; a worker built
 *    from a blob: URL runs from disk, off the main thread, so Worker is
 *    wrapped to build ours from its source (faq-search-worker.js).
 * 3. Excerpts: Material shows text only under page-level results, and ours
 *    are questions (#id). So the results our worker sends are watched here:
 *    each names its answer's chunk, search/text-<n>.js, loaded as a <script>
 *    (fetch is refused from disk) only when a result needs it; the excerpt
 *    goes under the result's title. */
(function () {
  "use strict"
  var script = document.currentScript
  var config = document.getElementById("__config")
  if (!script || !config) return
  var data = JSON.parse(config.textContent)
  data.base = script.getAttribute("data-base")
  data.search = script.getAttribute("data-worker")
  config.textContent = JSON.stringify(data)

  var NativeWorker = window.Worker
  if (!NativeWorker) return
  var ours = new URL(data.search, location.href).href
  var root = new URL(data.base.replace(/\/?$/, "/"), location.href)
  var fromDisk = location.protocol === "file:"
  function Worker(url, options) {
    if (new URL(url, location.href).href !== ours) return new NativeWorker(url, options)
    var source = window.faqSearchWorkerSource
    var worker = fromDisk && source
      ? new NativeWorker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })), options)
      : new NativeWorker(url, options)
    // Registered before Material's own listener, so it sees results first.
    worker.addEventListener("message", function (ev) {
      if (ev.data && ev.data.type === 3) excerptsFor(ev.data.data.items)
    })
    return worker
  }
  Worker.prototype = NativeWorker.prototype
  window.Worker = Worker

  var wanted = new Map() // result address without ?h= -> {doc, chunk, marks}
  var chunks = {}        // chunk number -> answers, or a list of callbacks while loading
  var SHOWN = 20         // excerpts prepared for the first results only

  function key(href) {
    var url = new URL(href, root)
    url.search = ""
    return url.href
  }

  function excerptsFor(items) {
    wanted = new Map()
    items.slice(0, SHOWN).forEach(function (group) {
      var item = group[0]
      if (!item.faq) return
      wanted.set(key(item.location), item.faq)
      load(Math.floor(item.faq.doc / item.faq.chunk))
    })
    watch()
  }

  /* search/text-<n>.js calls faqSearchText(n, answers). */
  window.faqSearchText = function (n, answers) {
    chunks[n] = answers
    decorate()
  }

  function load(n) {
    if (chunks[n]) return
    chunks[n] = "loading"
    var tag = document.createElement("script")
    tag.src = new URL("search/text-" + n + ".js", root).href
    tag.onerror = function () { delete chunks[n] } // try again with the next query
    document.head.appendChild(tag)
  }

  /* Puts the page's name above each shown result, and the excerpt under
   * each that has its answer loaded;
   * Material renders results in batches as the list scrolls, so this runs on
   * every change of the list too. */
  function decorate() {
    var markup = window.faqSearchMarkup
    if (!markup) return
    document.querySelectorAll(".md-search-result__link").forEach(function (link) {
      var article = link.querySelector(".md-search-result__article")
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
      var answers = chunks[Math.floor(info.doc / info.chunk)]
      if (!Array.isArray(answers)) return
      var text = answers[info.doc % info.chunk]
      if (!text) return
      var excerpt = document.createElement("p")
      excerpt.className = "md-search-result__teaser faq-excerpt"
      excerpt.innerHTML = markup.excerpt(text, info.marks) // escaped by excerpt()
      article.appendChild(excerpt)
      name(link, article)
    })
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
    var list = document.querySelector(".md-search-result__list")
    if (!list || list === observed) return decorate()
    observed = list
    new MutationObserver(decorate).observe(list, { childList: true })
    decorate()
  }
})()
