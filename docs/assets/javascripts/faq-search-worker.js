/* Offline FAQ search, as a worker speaking Material's search protocol
 * (messages SETUP 0, READY 1, QUERY 2, RESULT 3), over the compact index of
 * hooks/faqlib/search.py. Tokenizing here must match that file.
 *
 * Loaded twice: as a Worker over http, and as a page script that only exposes
 * its own source, from which faq-search-setup.js builds a blob: worker when
 * the site is opened from disk. */
(function faqSearchWorker(scope) {
  "use strict"
  if (typeof WorkerGlobalScope === "undefined" || !(scope instanceof WorkerGlobalScope)) {
    scope.faqSearchWorkerSource = "(" + faqSearchWorker.toString() + ")(self)"
    return
  }

  var LATIN = /[a-z0-9]+(?:[._][a-z0-9]+)*/g
  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g
  var TOKEN = /[a-z0-9]+(?:[._][a-z0-9]+)*|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g
  var TITLE_WEIGHT = 4    // a word of the question counts 4 answer mentions
  var PREFIX_WEIGHT = 0.6 // 'parall' -> 'parallel', below an exact match
  var CHAR_WEIGHT = 0.5   // a single ideograph standing in for an unknown word
  var MAX_PREFIX = 50
  var MAX_WORD = 8        // longest Chinese word tried when segmenting a query
  var MAX_RESULTS = 100

  var index = null

  function normalize(text) {
    return text.normalize("NFKC").toLowerCase()
  }

  /* Mirror of faqlib.search.stem. */
  function stem(word) {
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word
    if (word.length > 4 && /ies$/.test(word)) word = word.slice(0, -3) + "y"
    else if (/(sses|xes|zes|ches|shes)$/.test(word)) word = word.slice(0, -2)
    else if (/s$/.test(word) && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1)
    var suffixes = ["ing", "ed"]
    for (var i = 0; i < suffixes.length; i++) {
      var suffix = suffixes[i]
      var base = word.slice(0, -suffix.length)
      if (word.slice(-suffix.length) === suffix && base.length >= 3 && /[aeiouy]/.test(base)) {
        word = base
        var last = word[word.length - 1]
        if (word.length > 3 && last === word[word.length - 2] && "lsz".indexOf(last) < 0)
          word = word.slice(0, -1)
        break
      }
    }
    if (word.length > 4 && word[word.length - 1] === "e") word = word.slice(0, -1)
    return word
  }

  function setup(data) {
    var vocab = Object.keys(data.terms).sort()
    var lengths = 0
    data.docs.forEach(function (doc) { lengths += doc[2] })
    // pages are [url, number of docs] in doc order
    var pageOf = new Array(data.docs.length), next = 0
    data.pages.forEach(function (page) {
      for (var i = 0; i < page[1]; i++) pageOf[next++] = page[0]
    })
    index = { data: data, vocab: vocab, cache: new Map(), total: data.docs.length, pageOf: pageOf,
              averageTitle: lengths / Math.max(1, data.docs.length) || 1 }
  }

  /* 'a,1c,…' -> {docs, codes}, decoded on first use only. */
  function postings(term) {
    var hit = index.cache.get(term)
    if (hit) return hit
    var encoded = index.data.terms[term]
    var docs = [], codes = [], doc = 0
    if (encoded) {
      var parts = encoded.split(",")
      for (var i = 0; i < parts.length; i++) {
        var value = parseInt(parts[i], 36)
        doc += Math.floor(value / 8)
        docs.push(doc)
        codes.push(value % 8)
      }
    }
    hit = { docs: docs, codes: codes }
    index.cache.set(term, hit)
    return hit
  }

  function has(term) {
    return Object.prototype.hasOwnProperty.call(index.data.terms, term)
  }

  function withPrefix(prefix) {
    var vocab = index.vocab, lo = 0, hi = vocab.length, out = []
    while (lo < hi) {
      var mid = (lo + hi) >> 1
      if (vocab[mid] < prefix) lo = mid + 1
      else hi = mid
    }
    for (var i = lo; i < vocab.length && out.length < MAX_PREFIX; i++) {
      if (vocab[i].lastIndexOf(prefix, 0) !== 0) break
      if (vocab[i] !== prefix) out.push(vocab[i])
    }
    return out
  }

  /* Words of an unspaced Chinese run: longest words of the index first,
   * single ideographs where no word fits. */
  function segment(run) {
    var words = []
    for (var i = 0; i < run.length;) {
      var size = Math.min(MAX_WORD, run.length - i)
      while (size > 1 && !has(run.substr(i, size))) size--
      words.push(run.substr(i, size))
      i += size
    }
    return words
  }

  /* Query -> groups of alternative terms; a document scores a group by its
   * best alternative. Each group is one word of the query. */
  function parse(query) {
    var groups = []
    var tokens = normalize(query).match(TOKEN) || []
    tokens.forEach(function (token) {
      if (CJK.test(token)) {
        CJK.lastIndex = 0
        segment(token).forEach(function (word) {
          groups.push({ word: word, alts: [[word, word.length > 1 ? 1 : CHAR_WEIGHT]] })
        })
        return
      }
      CJK.lastIndex = 0
      var parts = /[._]/.test(token) && !has(token) ? token.split(/[._]/).filter(Boolean) : [token]
      parts.forEach(function (word) {
        var exact = index.data.stem ? stem(word) : word
        var alts = [[exact, 1]]
        if (exact !== word) alts.push([word, 1])
        if (word.length >= 3)
          withPrefix(exact).forEach(function (term) { alts.push([term, PREFIX_WEIGHT]) })
        groups.push({ word: word, alts: alts })
      })
    })
    return groups
  }

  /* A question word counts TITLE_WEIGHT, more in short questions, less in
   * long ones; answer mentions add 1 + log(tf), tf capped at 3 at build time. */
  function fieldWeight(code, doc) {
    var tf = code & 3
    var title = code & 4 ? TITLE_WEIGHT / (0.5 + 0.5 * index.data.docs[doc][2] / index.averageTitle) : 0
    return title + (tf ? 1 + Math.log(tf) : 0)
  }

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]
    })
  }

  /* Escaped title with the query words marked. */
  function highlight(title, words) {
    var patterns = words.filter(function (w) { return w.length > 0 })
      .sort(function (a, b) { return b.length - a.length })
      .map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") })
    if (!patterns.length) return escapeHTML(title)
    var re = new RegExp(patterns.join("|"), "gi")
    var out = "", last = 0, match
    var text = title.normalize("NFKC")
    while ((match = re.exec(text))) {
      if (!match[0].length) { re.lastIndex++; continue }
      out += escapeHTML(text.slice(last, match.index)) + "<mark>" + escapeHTML(match[0]) + "</mark>"
      last = match.index + match[0].length
    }
    return out + escapeHTML(text.slice(last))
  }

  function search(query) {
    var groups = parse(query).filter(function (group) {
      return group.alts.some(function (alt) { return has(alt[0]) })
    })
    var scores = new Map()
    groups.forEach(function (group, g) {
      var best = new Map()
      group.alts.forEach(function (alt) {
        var list = postings(alt[0])
        if (!list.docs.length) return
        var idf = Math.log(1 + index.total / list.docs.length)
        for (var i = 0; i < list.docs.length; i++) {
          var s = alt[1] * idf * fieldWeight(list.codes[i], list.docs[i])
          if (!(best.get(list.docs[i]) >= s)) best.set(list.docs[i], s)
        }
      })
      best.forEach(function (s, doc) {
        var entry = scores.get(doc) || { doc: doc, score: 0, matched: 0, words: {} }
        entry.score += s
        entry.matched += 1
        entry.words[group.word] = true
        scores.set(doc, entry)
      })
    })
    var ranked = Array.from(scores.values()).sort(function (a, b) {
      return b.matched - a.matched || b.score - a.score || a.doc - b.doc
    }).slice(0, MAX_RESULTS)
    var words = groups.map(function (group) { return group.word })
    var marks = words.concat(words.map(stem))
    return ranked.map(function (entry) {
      var doc = index.data.docs[entry.doc]
      var terms = {}
      words.forEach(function (w) { terms[w] = !!entry.words[w] })
      return [{
        location: index.pageOf[entry.doc] + "#" + doc[0],
        title: highlight(doc[1], marks),
        text: "",
        score: entry.score * entry.matched,
        terms: terms
      }]
    })
  }

  scope.addEventListener("message", function (ev) {
    var message = ev.data
    if (message.type === 0) {
      setup(message.data.docs)
      scope.postMessage({ type: 1 })
    } else if (message.type === 2) {
      scope.postMessage({ type: 3, data: { items: index ? search(message.data) : [] } })
    }
  })

  // For tests of the tokenizer against faqlib/search.py.
  scope.faqSearch = { stem: stem, normalize: normalize, segment: segment, parse: parse }
})(self)
