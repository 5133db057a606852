/* Material for MkDocs' browser internals, read from its 9.8.1 bundle
 * (src/templates/assets/javascripts/ in squidfunk/mkdocs-material): the one
 * script of ours that names them. faq-search-setup.js and faq.js use them
 * through window.faqMaterial; our search worker knows nothing of Material
 * (it speaks its own protocol, translated here). The Python side's adapter
 * is hooks/faqlib/upstream/material.py. tests/test_material_adapter.py fails
 * when a release of Material changes what is named here.
 *
 * Loaded before Material's bundle (overrides/main.html), which reads the
 * page's configuration and makes its search worker as it starts. */
(function () {
  "use strict"
  var VERSION = "9.8.1"

  // Its search worker's messages (integrations/search/worker/message): the
  // page sends SETUP (the index) and QUERY (the text typed), the worker
  // answers READY and RESULT ({items: [[item, …], …]}, an item being
  // {location, title, text, score, terms}).
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3

  // Its markup (components/search, components/dialog, palette, language
  // selector), as our scripts and tests find it.
  var selectors = {
    input: "input.md-search__input",
    result: ".md-search-result",
    meta: ".md-search-result__meta",
    list: ".md-search-result__list",
    item: ".md-search-result__item",
    link: ".md-search-result__link",
    article: ".md-search-result__article",
    title: ".md-search-result__article h1, .md-search-result__article h2",
    teaser: "md-search-result__teaser", // a class name: our excerpts look like its teasers
    dialog: "[data-md-component=dialog]",
    language: ".md-select a[hreflang]",
    scheme: "data-md-color-scheme" // an attribute of <body>
  }

  /* The page's configuration (#__config, JSON that the bundle reads as it
   * starts): change(data) edits it in place. Returns it, or null. */
  function configure(change) {
    var el = document.getElementById("__config")
    if (!el) return null
    var data = JSON.parse(el.textContent)
    change(data)
    el.textContent = JSON.stringify(data)
    return data
  }

  /* Its language integration fetches <href>/sitemap.xml for every
   * link[rel=alternate] of the page (integrations/alternate), which browsers
   * refuse from disk and which static-i18n writes for the default language
   * only. Taken out of the page before the bundle reads them (they stay in
   * the HTML for crawlers): our faq.js switches language itself. */
  function dropAlternates() {
    document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) { link.remove() })
  }

  /* The bundle makes its search worker with new Worker(config.search) and
   * then only posts to it and listens to it (its watchWorker). For that
   * address it gets this stand-in: it speaks Material's protocol to the
   * bundle, and ours to the worker that start() makes, at the stand-in's
   * first message (a worker costs a page load tens of ms of CPU, and from
   * disk the bundle sends its first message when the search opens).
   * Our worker's messages: in {type: "setup", index}, {type: "query", query};
   * out {type: "ready"}, {type: "results", results: [{url, title, score,
   * terms}, …]}, and others for our own scripts only. */
  function SearchWorker(start) {
    this.start = start
    this.inner = null
    this.listeners = []
  }
  SearchWorker.prototype.postMessage = function (message) {
    if (!this.inner) {
      var self = this
      this.inner = this.start()
      this.inner.addEventListener("message", function (ev) {
        var out = toMaterial(ev.data)
        if (out) self.listeners.forEach(function (l) {
          var event = new MessageEvent("message", { data: out })
          typeof l === "function" ? l.call(self, event) : l.handleEvent(event)
        })
      })
    }
    if (message.type === SETUP) this.inner.postMessage({ type: "setup", index: message.data.docs })
    else if (message.type === QUERY) this.inner.postMessage({ type: "query", query: message.data })
    else throw new Error("faq-material.js: Material sent its search worker a message of type " +
      message.type + ", which its " + VERSION + " did not have: read its new bundle")
  }
  SearchWorker.prototype.addEventListener = function (type, listener) {
    if (type === "message" && this.listeners.indexOf(listener) < 0) this.listeners.push(listener)
  }
  SearchWorker.prototype.removeEventListener = function (type, listener) {
    this.listeners = this.listeners.filter(function (l) { return l !== listener })
  }
  SearchWorker.prototype.terminate = function () {
    if (this.inner) this.inner.terminate()
  }

  function toMaterial(message) {
    if (!message) return null
    if (message.type === "ready") return { type: READY }
    if (message.type !== "results") return null
    return {
      type: RESULT,
      data: {
        items: message.results.map(function (r) {
          return [{ location: r.url, title: r.title, text: "", score: r.score, terms: r.terms }]
        })
      }
    }
  }

  /* Material's `new Worker(url)` for our worker's address gets the stand-in
   * over start(Worker), given the browser's own constructor; any other
   * worker is the browser's own. */
  function replaceSearchWorker(address, start) {
    var Native = window.Worker
    if (!Native) return false
    var Worker = function (url, options) {
      if (new URL(url, location.href).href !== address) return new Native(url, options)
      return new SearchWorker(function () { return start(Native) })
    }
    Worker.prototype = Native.prototype
    window.Worker = Worker
    return true
  }

  /* Searches for a text as if the reader had typed it: its search box reads
   * the query on keyup (components/search/query). */
  function search(text) {
    var input = document.querySelector(selectors.input)
    if (!input) return
    input.value = text
    input.focus()
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
  }

  window.faqMaterial = {
    version: VERSION,
    selectors: selectors,
    configure: configure,
    search: search,
    dropAlternates: dropAlternates,
    replaceSearchWorker: replaceSearchWorker
  }
})()
