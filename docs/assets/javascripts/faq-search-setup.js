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
 *    wrapped to build ours from its source (faq-search-worker.js). */
(function () {
  "use strict"
  var script = document.currentScript
  var config = document.getElementById("__config")
  if (!script || !config) return
  var data = JSON.parse(config.textContent)
  data.base = script.getAttribute("data-base")
  data.search = script.getAttribute("data-worker")
  config.textContent = JSON.stringify(data)

  var source = window.faqSearchWorkerSource
  if (location.protocol !== "file:" || !source || !window.Worker) return
  var NativeWorker = window.Worker
  var ours = new URL(data.search, location.href).href
  function Worker(url, options) {
    if (new URL(url, location.href).href !== ours) return new NativeWorker(url, options)
    var blob = new Blob([source], { type: "text/javascript" })
    return new NativeWorker(URL.createObjectURL(blob), options)
  }
  Worker.prototype = NativeWorker.prototype
  window.Worker = Worker
})()
