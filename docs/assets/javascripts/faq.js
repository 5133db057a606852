/* Question tools on FAQ pages (question headings carry class faq-question,
 * set by hooks/faqlib/extract.py). Runs after Material's bundle. */
(function () {
  "use strict"
  // Material's markup, as its 9.8.1 bundle writes it (faq-material.js).
  var S = window.faqMaterial.selectors

  /* Legacy anchors (#q-请问mindspore支持梯度截断吗) exist as empty spans, so the
   * browser lands on the question even without JavaScript; here the address
   * becomes the stable id, so highlight, copy and language switch use it.
   * An old link whose question was retired or moved (docs/ids.yml,
   * faqlib/idlock.py) lands on an empty span at the top of the page it was
   * published on, which names where the question, or its notice, is now. */
  function followAlias() {
    var hash = location.hash.slice(1)
    if (!hash) return
    try {
      hash = decodeURIComponent(hash)
    } catch (e) {
      return // a malformed escape (a link cut short): no question to follow
    }
    var el = document.getElementById(hash)
    if (!el) return
    var id = el.getAttribute("data-faq-alias-of")
    var forward = el.getAttribute("data-faq-forward")
    if (id) location.replace("#" + id)
    else if (forward) location.replace(forward)
  }
  followAlias()
  window.addEventListener("hashchange", followAlias)

  /* The address of a question: this page, without search highlighting. */
  function questionUrl(id) {
    var url = new URL(location.href)
    url.searchParams.delete("h")
    url.hash = id
    return url.href
  }

  /* A copy-link button per question, from overrides/partials/faq-tools.html.
   * Material's clipboard integration copies data-clipboard-text on click
   * (Enter and Space click a button too) and shows its "copied" dialog. */
  var tools = document.getElementById("__faq-question-tools")
  var dialog = document.querySelector(S.dialog)
  if (dialog) dialog.setAttribute("role", "status") // announce "copied"
  var count = document.querySelector(S.meta)
  if (count) count.setAttribute("role", "status") // announce "3 matching documents"
  document.querySelectorAll(".faq-question[id]").forEach(function (heading) {
    // Focusable from script only, so the question a link or a search result
    // opens takes the focus (below): the next Tab reaches its permalink.
    heading.tabIndex = -1
    // The address printed under the question (faq.css, @media print).
    heading.setAttribute("data-faq-url", questionUrl(heading.id))
    if (!tools) return
    var permalink = heading.querySelector(".headerlink")
    if (permalink) {
      permalink.title = tools.dataset.permalink
      permalink.setAttribute("aria-label", tools.dataset.permalink)
    }
    var button = tools.content.firstElementChild.cloneNode(true)
    button.setAttribute("data-clipboard-text", questionUrl(heading.id))
    heading.appendChild(button)
  })

  /* Each link's full address, printed after it on paper (faq.css). Not the
   * permalinks (the question's address is printed once), nor a link whose
   * text is already its address. */
  document.querySelectorAll(".md-content a[href]:not(.headerlink)").forEach(function (link) {
    if (link.textContent.trim() !== link.href) link.setAttribute("data-faq-href", link.href)
  })

  /* The question the address names (its id, or a legacy anchor inside its
   * heading) takes the focus, as a keyboard or screen reader user expects
   * after following a link to it: reading and Tab go on from there. The
   * browser has already scrolled to it. */
  function focusQuestion() {
    var hash
    try {
      hash = decodeURIComponent(location.hash.slice(1))
    } catch (e) {
      return
    }
    var el = hash && document.getElementById(hash)
    var question = el && el.closest(".faq-question")
    if (question && document.activeElement !== question) question.focus({ preventScroll: true })
  }
  focusQuestion()
  window.addEventListener("hashchange", focusQuestion)

  /* Paper is white: print in Material's light scheme whatever the screen
   * shows (the dark scheme's pale text and dark code blocks would print as
   * they are, since Material prints backgrounds exactly). */
  var screenScheme = null
  window.addEventListener("beforeprint", function () {
    screenScheme = document.body.getAttribute(S.scheme)
    if (screenScheme && screenScheme !== "default") document.body.setAttribute(S.scheme, "default")
  })
  window.addEventListener("afterprint", function () {
    if (screenScheme) document.body.setAttribute(S.scheme, screenScheme)
    screenScheme = null
  })

  /* The language selector keeps the question: Material would look the page up
   * in sitemap.xml, which browsers refuse to fetch from disk, and drop the
   * #anchor. Ids are the same in every language, so keep the hash. Capture
   * phase, so this runs before Material's own handler. */
  document.addEventListener("click", function (ev) {
    var link = ev.target instanceof Element && ev.target.closest(S.language)
    if (!link || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return
    ev.preventDefault()
    ev.stopPropagation()
    location.href = link.href.split("#")[0] + location.hash
  }, true)
})()
