/* Offline FAQ search, as a worker, over the sharded index of
 * hooks/faqlib/search.py. It knows nothing of Material: it speaks its own
 * protocol (part 7), which faq-material.js translates for Material's search
 * box. Read it in parts, each on its own:
 *
 *   1. Markup      escaped text with words marked; excerpts
 *   2. Files       the shard files: asked for, waited for (with a time
 *                  limit), kept; a Round notes what one run lacked
 *   3. The index   terms, postings, prefixes, typo candidates (Latin words
 *                  by spelling, Chinese words by sound), questions
 *   4. Queries     what a query's terms are (the tokenizer contract)
 *   5. Ranking     concepts (the reader's words and what stands in for
 *                  them) and scores
 *   6. Results     a query's results and excerpts, run in rounds until
 *                  every file they need is here
 *   7. Protocol    the messages, in and out
 *
 * Every function that reads a shard takes the Round it reads in, and a
 * round that lacked files is run again once they are here (withShards), so
 * the ranking reads as if every file were loaded.
 *
 * How a shard arrives depends on where the site is (the page says, with
 * "root"): over http the worker fetches it; from disk the page loads it as a
 * <script> and posts its data here ("shard"), because browsers refuse a
 * worker's fetch of file: URLs and Chromium 156 also refuses its
 * importScripts of them. A file that cannot be had is reported with the
 * results ("failed"), never taken for "nothing matches".
 *
 * Every rule of what a term is (patterns, stop words, spellings, stemming)
 * comes with the index, from hooks/faqlib/tokenizer.py; what is written here
 * too is the small interpreters of those rules (spell(), stem()), the query
 * reader (segment(), queryWords()) and toSimplified(), and
 * tests/test_search_parity.py runs random and real queries through both
 * halves.
 *
 * Loaded twice: as a Worker over http, and as a page script that only exposes
 * its own source, from which faq-search-setup.js builds a blob: worker when
 * the site is opened from disk. */
(function faqSearchWorker(scope) {
  "use strict"

  /* ------------------------------------------------------------------
   * 1. Markup: the only code that turns text into result markup.
   * ------------------------------------------------------------------ */

  var EXCERPT_WIDTH = 150 // about two lines: an ideograph counts 2, other characters 1
  var EXCERPT_BEFORE = 40

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]
    })
  }

  /* Escaped text with the given words marked, longest word first. */
  function highlight(text, words) {
    var patterns = words.filter(function (w) { return w.length > 0 })
      .sort(function (a, b) { return b.length - a.length })
      // A Latin term is a stem ('clip'): mark the whole word ('clipping').
      .map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + (/[a-z0-9]$/.test(w) ? "[a-z0-9]*" : "") })
    text = text.normalize("NFKC")
    if (!patterns.length) return escapeHTML(text)
    var re = new RegExp(patterns.join("|"), "gi")
    var out = "", last = 0, match
    while ((match = re.exec(text))) {
      if (!match[0].length) { re.lastIndex++; continue }
      out += escapeHTML(text.slice(last, match.index)) + "<mark>" + escapeHTML(match[0]) + "</mark>"
      last = match.index + match[0].length
    }
    return out + escapeHTML(text.slice(last))
  }

  /* One or two lines of an answer around the first of the marks found (the
   * best first), escaped, the marks marked. */
  function excerpt(answer, marks) {
    var text = answer.normalize("NFKC").replace(/\s+/g, " ").trim()
    var lower = text.toLowerCase(), at = -1
    for (var i = 0; i < marks.length && at < 0; i++) if (marks[i]) at = lower.indexOf(marks[i].toLowerCase())
    var width = function (c) { return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(c) ? 2 : 1 }
    var start = Math.max(0, at), used = 0
    while (start > 0 && used < EXCERPT_BEFORE) used += width(text[--start])
    if (start > 0) {
      var space = text.lastIndexOf(" ", start)
      if (space >= 0 && start - space < 12) start = space + 1
    }
    var end = start
    used = 0
    while (end < text.length && used < EXCERPT_WIDTH) used += width(text[end++])
    return (start > 0 ? "… " : "") + highlight(text.slice(start, end), marks) + (end < text.length ? " …" : "")
  }

  if (typeof WorkerGlobalScope === "undefined" || !(scope instanceof WorkerGlobalScope)) {
    scope.faqSearchWorkerSource = "(" + faqSearchWorker.toString() + ")(self)"
    return
  }

  /* ------------------------------------------------------------------
   * 2. Files: the shards, as they arrive, and the rounds that read them.
   * ------------------------------------------------------------------ */

  // A round waits this long for its files, unless the page says otherwise:
  // a file that has not come by then is lost ("timeout").
  var LOAD_TIMEOUT = 10000
  // A query needs at most: dictionary, then postings, then a typo's or a
  // synonym's dictionary and postings. More rounds than this is a bug.
  var MAX_ROUNDS = 8

  /* The shard files of one index: where they come from ({root, viaPage,
   * timeout}), their data by kind and number, the postings decoded from
   * them, the files that could not be had and why ("missing", "timeout",
   * "damaged": each read as empty), and the rounds waiting for files.
   * Made up (warmUp), it holds only what it was given, and every other file
   * reads as empty. */
  function Files(source, madeUp) {
    this.source = source
    this.madeUp = !!madeUp
    this.data = { d: {}, p: {}, v: {}, y: {}, m: {}, t: {} }
    this.postings = new Map()
    this.failed = {}
    this.waiting = {}
  }

  /* A shard's data, as its file gives it: faqSearchShard(kind, n, data). */
  Files.prototype.receive = function (kind, n, data) {
    if (kind === "d") {
      var at = new Map()
      data[0].forEach(function (t, i) { at.set(t, i) })
      data = { terms: data[0], values: data[1], at: at }
    } else if (kind === "v") {
      var byLength = []
      data.forEach(function (t) { (byLength[t.length] = byLength[t.length] || []).push(t) })
      data = byLength
    }
    this.data[kind][n] = data
    this.settle(kind + "-" + n)
  }

  /* A file is here, or is lost (why): the rounds waiting for it go on. */
  Files.prototype.settle = function (name, why) {
    var dash = name.indexOf("-")
    if (why && this.data[name.slice(0, dash)][name.slice(dash + 1)] === undefined) this.failed[name] = why
    var callbacks = this.waiting[name] || []
    delete this.waiting[name]
    callbacks.forEach(function (done) { done() })
  }

  /* Asks for some files (once each) and resolves when every one is here or
   * lost; those still out after the time limit are lost ("timeout"). */
  Files.prototype.load = function (names) {
    var files = this
    var wanted = Array.from(names).filter(function (name) { return !files.failed[name] })
    return new Promise(function (resolve) {
      var left = wanted.length
      if (!left) return resolve()
      var timer = setTimeout(function () {
        wanted.forEach(function (name) { if (files.waiting[name]) files.settle(name, "timeout") })
      }, files.source.timeout)
      var one = function () { if (--left === 0) { clearTimeout(timer); resolve() } }
      var asking = []
      wanted.forEach(function (name) {
        if (!files.waiting[name]) { files.waiting[name] = []; asking.push(name) }
        files.waiting[name].push(one)
      })
      if (!asking.length) return
      if (files.source.viaPage) scope.postMessage({ type: "load", files: asking })
      else asking.forEach(function (name) { files.fetch(name) })
    })
  }

  /* Over http: the file's data is the JSON between its call's parentheses
   * (faqlib/search.py writes faqSearchShard("kind",n,data)). */
  Files.prototype.fetch = function (name) {
    var files = this
    fetch(this.source.root + name + ".js").then(function (response) {
      if (!response.ok) throw new Error("missing")
      return response.text()
    }).then(function (text) {
      var kind = text.indexOf(","), n = text.indexOf(",", kind + 1), end = text.lastIndexOf(")")
      if (kind < 0 || n < 0 || end < n) throw new Error("damaged")
      files.receive(JSON.parse(text.slice(text.indexOf("(") + 1, kind)), JSON.parse(text.slice(kind + 1, n)),
        JSON.parse(text.slice(n + 1, end)))
    }).catch(function (err) {
      files.settle(name, err && err.message === "damaged" ? "damaged" : "missing")
    })
  }

  /* One run of a query (or a list of results) over the files here now: it
   * notes the files it lacked, and the lost ones it met. */
  function Round(files) {
    this.files = files
    this.lacking = new Set()
    this.lost = new Set()
  }

  /* A shard's data; undefined after noting that this round lacks it; empty
   * for a file that is lost (noted as met) or that a made-up index lacks. */
  Round.prototype.shard = function (kind, n) {
    var data = this.files.data[kind][n]
    if (data !== undefined) return data
    var name = kind + "-" + n
    if (this.files.failed[name] || this.files.madeUp) {
      if (this.files.failed[name]) this.lost.add(name)
      return kind === "d" ? { terms: [], values: [], at: new Map() } : kind === "v" ? [] : {}
    }
    this.lacking.add(name)
    return undefined
  }

  /* Runs fn(round) until a round lacks nothing, waiting for what the last
   * one lacked. Resolves to {value, lost: the names of the lost files met}. */
  function withShards(files, fn) {
    var lost = new Set(), rounds = 0
    function attempt() {
      var round = new Round(files)
      var value = fn(round)
      round.lost.forEach(function (name) { lost.add(name) })
      if (!round.lacking.size || ++rounds > MAX_ROUNDS) return Promise.resolve({ value: value, lost: lost })
      return files.load(round.lacking).then(attempt)
    }
    return attempt()
  }

  /* ------------------------------------------------------------------
   * 3. The index: its base (setup) and what its shards hold.
   * ------------------------------------------------------------------ */

  /* The base, and what is derived from it once (Index), with its files. */
  function Index(base, files) {
    var contract = base.contract
    var trad = Array.from(base.t2s.chars[0]), simp = Array.from(base.t2s.chars[1])
    var chars = new Map()
    trad.forEach(function (c, i) { chars.set(c, simp[i]) })
    var longest = 1
    Object.keys(base.t2s.phrases).forEach(function (p) { longest = Math.max(longest, p.length) })
    // By character code: the decoding loop runs over every posting of a
    // query's terms (thousands), and a typed array is its fastest lookup.
    var digit = new Int8Array(128).fill(-1)
    Array.from(base.format.digits).forEach(function (c, i) { digit[c.charCodeAt(0)] = i })
    this.data = base
    this.files = files
    this.total = base.docs
    this.format = base.format
    this.digit = digit
    this.contract = contract
    this.latin = new RegExp("^(?:" + contract.latin + ")$")
    this.cjk = new RegExp("^(?:" + contract.cjk + ")$")
    this.token = new RegExp(contract.latin + "|" + contract.cjk, "g")
    this.stop = new Set(contract.stopWords)
    this.chars = chars
    this.phrases = base.t2s.phrases
    this.longestPhrase = longest
    this.segment = new Set(base.segment)
    // Homophone typos: the first syllables that have a y-<syllable>.js; each
    // character's sounds are read from the base when a query first needs them.
    var sounds = base.sounds || { heads: [], chars: null }
    this.soundHeads = new Set(sounds.heads)
    this.soundTable = sounds.chars
    this.readings = null
  }

  /* Each character's sounds (faqlib/sounds.py), as a map; made once. */
  function readings(index) {
    if (index.readings) return index.readings
    var table = index.soundTable, map = new Map()
    table.sounds.forEach(function (sound, i) {
      Array.from(table.chars[i]).forEach(function (c) {
        if (!map.has(c)) map.set(c, [])
        map.get(c).push(sound)
      })
    })
    return (index.readings = map)
  }

  /* The dictionary shard whose range holds a term (by the first terms of all). */
  function dictionaryShard(index, t) {
    var firsts = index.data.dict, lo = 0, hi = firsts.length - 1
    if (!firsts.length || t < firsts[0]) return -1
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1
      if (firsts[mid] <= t) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /* A term's dictionary value: inline postings or a postings shard number;
   * null when the index has no such term, undefined while its shard is not here. */
  function entry(index, round, t) {
    var n = dictionaryShard(index, t)
    if (n < 0) return null
    var d = round.shard("d", n)
    if (!d) return undefined
    var i = d.at.get(t)
    return i === undefined ? null : d.values[i]
  }

  function has(index, round, t) {
    var value = entry(index, round, t)
    return value !== null && value !== undefined
  }

  var NONE = { docs: [], codes: [], df: 0 }

  /* A term's postings, decoded on first use and kept with the files: {docs, codes, df}. */
  function postings(index, round, t) {
    var kept = round.files.postings, hit = kept.get(t)
    if (hit) return hit
    var value = entry(index, round, t), encoded = null, df = 0
    if (value === undefined) return NONE // its dictionary shard is coming
    if (typeof value === "string") {
      encoded = value
    } else if (value !== null) {
      var packed = round.shard("p", value)
      if (!packed) return NONE
      if (Object.prototype.hasOwnProperty.call(packed, t)) {
        df = packed[t][0]
        encoded = packed[t][1]
      }
    }
    hit = decode(index, encoded || "")
    hit.df = df || hit.docs.length
    kept.set(t, hit)
    return hit
  }

  /* Postings as text (faqlib/search.py): per posting, the gap to the last doc
   * and the doc's code in one base-32 number, its last digit from the first 32. */
  function decode(index, encoded) {
    var docs = [], codes = [], doc = 0, n = 0, digit = index.digit, space = index.format.codeSpace
    for (var i = 0; i < encoded.length; i++) {
      var v = digit[encoded.charCodeAt(i)]
      if (v >= 32) { n = n * 32 + v - 32; continue }
      n = n * 32 + v
      doc += Math.floor(n / space)
      docs.push(doc)
      codes.push(n % space)
      n = 0
    }
    return { docs: docs, codes: codes }
  }

  var MAX_PREFIX = 20

  /* Index terms that start with a prefix, from the dictionary shards of its range. */
  function withPrefix(index, round, prefix) {
    var out = [], firsts = index.data.dict
    for (var n = Math.max(0, dictionaryShard(index, prefix)); n < firsts.length && out.length < MAX_PREFIX; n++) {
      if (firsts[n] > prefix && firsts[n].lastIndexOf(prefix, 0) !== 0) break // past the range
      var d = round.shard("d", n)
      if (!d) break
      var terms = d.terms, lo = 0, hi = terms.length
      while (lo < hi) {
        var mid = (lo + hi) >> 1
        if (terms[mid] < prefix) lo = mid + 1
        else hi = mid
      }
      for (var i = lo; i < terms.length && out.length < MAX_PREFIX; i++) {
        if (terms[i].lastIndexOf(prefix, 0) !== 0) return out
        if (terms[i] !== prefix) out.push(terms[i])
      }
    }
    return out
  }

  /* Optimal string alignment distance, or max + 1 once it exceeds max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1
    var prev2 = null, prev = [], row
    for (var j = 0; j <= b.length; j++) prev[j] = j
    for (var i = 1; i <= a.length; i++) {
      row = [i]
      var best = i
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1)
        row[j] = d
        if (d < best) best = d
      }
      if (best > max) return max + 1
      prev2 = prev
      prev = row
    }
    return prev[b.length]
  }

  var MAX_TYPOS = 8

  /* Index words within one edit of a typed word of 5+ letters, two from 9+,
   * among the typo candidates of its first letter (v-<letter>.js). */
  function typos(index, round, word, typed) {
    if (typed.length < 5 || !/^[a-z]+$/.test(word) || index.data.typo.indexOf(word[0]) < 0) return []
    var byLength = round.shard("v", word[0])
    if (!byLength) return []
    var max = typed.length >= 9 ? 2 : 1, out = []
    for (var len = word.length - max; len <= word.length + max; len++) {
      ;(byLength[len] || []).forEach(function (t) {
        if (t !== word && out.length < MAX_TYPOS && distance(word, t, max) <= max) out.push(t)
      })
    }
    return out
  }

  var FAMILY_SHORTEST = 8

  /* Index words of the family of a long Latin word the index lacks: those
   * that begin as it does, all of it but its last four letters and at least
   * six ('recommender' -> recommend, recommendation; 'distributing' ->
   * distribution). English makes one word of another by a suffix (-er,
   * -ation, -ment, -ive): the reader writes one form, the text another. */
  function family(index, round, word) {
    if (word.length < FAMILY_SHORTEST || !/^[a-z]+$/.test(word)) return []
    var start = word.slice(0, Math.max(6, word.length - 4))
    var out = withPrefix(index, round, start)
    if (has(index, round, start)) out.push(start)
    return out.filter(function (t) { return t !== word })
  }

  var MAX_SOUNDS = 16 // readings of a stretch: characters with several readings multiply them

  /* Homophone typos of a pinyin input method (数据下成 for 数据下沉): index
   * words (y-<syllable>.js) that sound like two to four characters of the
   * query (the base gives each character's sounds; faqlib/sounds.py) and share
   * a character with them. Only where the query's words left a character of
   * meaning alone (下, 成): a word the index has is not taken for a typo.
   * Returns [[index word, the query's words it stands for]]. */
  function soundAlikes(index, round, raw, words) {
    var heads = index.soundHeads, windows = []
    if (!heads.size) return []
    var runs = new RegExp(index.contract.cjk, "g"), run
    while ((run = runs.exec(raw))) {
      for (var len = 2; len <= 4; len++) {
        for (var i = 0; i + len <= run[0].length; i++) {
          var start = run.index + i, end = start + len, covers = [], alone = false, cut = false
          words.forEach(function (w, k) {
            if (w[1] >= end || w[2] <= start) return
            covers.push(k)
            if (w[2] - w[1] === 1 && !index.stop.has(w[0])) alone = true
            if (w[1] < start || w[2] > end || (w[1] === start && w[2] === end)) cut = true
          })
          // Characters the words left alone, with no word of the query cut in two or whole.
          if (alone && !cut) windows.push([run[0].slice(i, i + len), covers])
        }
      }
    }
    if (!windows.length) return []
    var table = readings(index), out = []
    windows.forEach(function (win) {
      var chars = Array.from(win[0]), sounds = [""]
      chars.forEach(function (c, k) {
        var next = []
        ;(table.get(c) || []).forEach(function (s) {
          sounds.forEach(function (before) { if (next.length < MAX_SOUNDS) next.push(k ? before + "-" + s : s) })
        })
        sounds = next
      })
      var seen = new Set()
      sounds.forEach(function (sound) {
        var head = sound.split("-")[0]
        if (!heads.has(head)) return
        var shard = round.shard("y", head)
        if (!shard || !Object.prototype.hasOwnProperty.call(shard, sound)) return
        shard[sound].forEach(function (t) {
          if (t === win[0] || seen.has(t)) return
          for (var k = 0; k < chars.length && t[k] !== chars[k]; k++);
          if (k === chars.length) return  // no character as typed: a different word, not a typo
          seen.add(t)
          out.push([t, win[1]])
        })
      })
    })
    return out
  }

  /* The question record of a doc (m-<n>.js): [id, question, page url, page
   * title]; undefined while its file is not here. */
  function meta(index, round, doc) {
    var size = index.data.chunks.meta, chunk = round.shard("m", Math.floor(doc / size))
    if (!chunk) return undefined
    var row = chunk.docs && chunk.docs[doc % size]
    if (!row) return undefined // its file was lost
    var page = chunk.pages[row[2]]
    return [row[0], row[1], page[0], page[1]]
  }

  function metaHere(index, doc) {
    return index.files.data.m[Math.floor(doc / index.data.chunks.meta)] !== undefined
  }

  /* The answer of a doc (t-<n>.js), or undefined. */
  function answer(index, round, doc) {
    var size = index.data.chunks.text, chunk = round.shard("t", Math.floor(doc / size))
    var text = chunk && chunk[doc % size]
    return typeof text === "string" ? text : undefined
  }

  /* ------------------------------------------------------------------
   * 4. Queries: what a query's terms are (hooks/faqlib/tokenizer.py).
   * ------------------------------------------------------------------ */

  function normalize(text) {
    return text.normalize("NFKC").toLowerCase()
  }

  /* faqlib.tokenizer._measure: Porter's m (vowel-consonant sequences; y is
   * a vowel after a consonant). */
  function measure(word) {
    var vowel = [], m = 0
    for (var i = 0; i < word.length; i++) {
      vowel.push("aeiou".indexOf(word[i]) >= 0 || (word[i] === "y" && i > 0 && !vowel[i - 1]))
      if (i > 0 && vowel[i - 1] && !vowel[i]) m++
    }
    return m
  }

  /* faqlib.tokenizer.stem, from the contract's rules (STEMMING). */
  function stem(index, word) {
    var rules = index.contract.stemming
    if (word.length < rules.shortest || !/^[a-z]+$/.test(word)) return word
    for (var s = 0; s < rules.steps.length; s++) {
      var step = rules.steps[s]
      for (var r = 0; r < step.length; r++) {
        var suffix = step[r][0], replacement = step[r][1], shortest = step[r][2], vowel = step[r][3], undouble = step[r][4]
        var base = word.slice(0, word.length - suffix.length)
        if (word.length < shortest || word.slice(-suffix.length) !== suffix) continue
        if (vowel && !Array.from(base).some(function (c) { return rules.vowels.indexOf(c) >= 0 })) continue
        if (step[r].length > 5 && measure(base) < step[r][5]) continue
        word = base + replacement
        var last = word[word.length - 1]
        if (undouble && word.length >= rules.undoubleShortest && last === word[word.length - 2] && rules.keepDoubled.indexOf(last) < 0)
          word = word.slice(0, -1)
        break
      }
    }
    return word
  }

  /* faqlib.tokenizer.spell, from the contract's rules. */
  function spell(index, word) {
    var rules = index.contract.spelling
    for (var i = 0; i < rules.length; i++) {
      var suffix = rules[i][0]
      if (word.length >= rules[i][2] && word.slice(-suffix.length) === suffix)
        return word.slice(0, -suffix.length) + rules[i][1]
    }
    return word
  }

  /* faqlib.tokenizer.term: the index term of one Latin word. */
  function term(index, word) {
    return /^[a-z]+$/.test(word) ? stem(index, spell(index, word)) : word
  }

  /* Traditional to Simplified with the index's slice of OpenCC (faqlib/hant.py):
   * longest phrase first, then character by character. */
  function toSimplified(index, text) {
    var chars = Array.from(text), out = "", phrases = index.phrases
    for (var i = 0; i < chars.length;) {
      var found = false
      for (var size = Math.min(index.longestPhrase, chars.length - i); size > 1; size--) {
        var hit = phrases[chars.slice(i, i + size).join("")]
        if (typeof hit === "string") { out += hit; i += size; found = true; break }
      }
      if (!found) { out += index.chars.get(chars[i]) || chars[i]; i++ }
    }
    return out
  }

  /* faqlib.tokenizer.segment: the longest known words first. */
  function segment(index, run, known) {
    var words = []
    for (var i = 0; i < run.length;) {
      var size = Math.min(index.contract.maxWord, run.length - i)
      while (size > 1 && !known(run.substr(i, size))) size--
      words.push([run.substr(i, size), i])
      i += size
    }
    return words
  }

  /* faqlib.tokenizer.query_words: [term, start, end] of a query in
   * Simplified Chinese; stop words dropped unless nothing else is left. */
  function queryWords(index, round, query) {
    var text = normalize(query), words = [], match
    var known = function (w) { return has(index, round, w) || index.stop.has(w) || index.segment.has(w) }
    index.token.lastIndex = 0
    while ((match = index.token.exec(text))) {
      var token = match[0], start = match.index
      if (index.cjk.test(token)) {
        segment(index, token, known).forEach(function (s) { words.push([s[0], start + s[1], start + s[1] + s[0].length]) })
      } else if (/[._]/.test(token) && !has(index, round, term(index, token))) {
        var at = start
        token.split(/([._])/).forEach(function (part) {
          if (part && part !== "." && part !== "_") words.push([term(index, part), at, at + part.length])
          at += part.length
        })
      } else {
        words.push([term(index, token), start, start + token.length])
      }
    }
    var content = words.filter(function (w) { return !index.stop.has(w[0]) })
    return content.length ? content : words
  }

  /* ------------------------------------------------------------------
   * 5. Ranking: the reader's own words first, then what stands in for them.
   * Tuned on our dev query sets as a whole (tests/data/, README: Search).
   * ------------------------------------------------------------------ */

  var TITLE_WEIGHT = 6    // a word of the question counts 6 answer mentions
  var LENGTH_NORM = 0.8   // how much shorter questions gain (0: not at all)
  var OTHER_WEIGHT = 0.7  // a word of the question's other-language text
  var PREFIX_WEIGHT = 0.6 // 'parall' -> 'parallel'
  var JOINED_WEIGHT = 0.9 // 'check point' -> 'checkpoint'
  var SYNONYM_WEIGHT = 0.9 // 梯度裁剪 -> 梯度截断 (docs/synonyms.yml)
  var TYPO_WEIGHT = 0.4   // 'gradiant' -> 'gradient'
  var FAMILY_WEIGHT = 0.5 // 'recommender' -> 'recommendation': the same root, another word
  var PARTS_WEIGHT = 0.6  // 硬件支持, a word the index lacks -> its terms 硬件, 支持: pieces of its meaning, as a prefix is
  var CHAR_WEIGHT = 0.5   // a single ideograph: a part of a word, or a word of little weight
  var COVERAGE_POWER = 1.5 // docs holding less of the query's weight fall this steeply
  // The best kept, in order: each needs its question's text, a file per
  // result on a large site (files are most of a cold query's time), so the
  // list holds what a screen shows; the count says how many matched.
  var MAX_RESULTS = 10
  var MAX_MARKS = 12

  /* How well a doc holds a term: a question word counts TITLE_WEIGHT, more
   * in short questions, less in long ones (the length class the build gave
   * it); answer mentions add 1 + log(tf), tf capped at 3 at build time; the
   * other language's text counts OTHER_WEIGHT of that. */
  function fieldWeight(index, code) {
    var f = index.format
    var tf = code & f.tf
    var length = index.data.lengths[code >> f.lengthShift]
    var title = code & f.title ? TITLE_WEIGHT / (1 - LENGTH_NORM + LENGTH_NORM * length) : 0
    return (title + (tf ? 1 + Math.log(tf) : 0)) * (code & f.other ? OTHER_WEIGHT : 1)
  }

  /* doc -> how well it holds the best of some alternative terms [term, weight]. */
  function scoreAlternatives(index, round, alts) {
    var best = new Map()
    alts.forEach(function (alt) {
      var list = postings(index, round, alt[0])
      for (var i = 0; i < list.docs.length; i++) {
        var s = alt[1] * fieldWeight(index, list.codes[i])
        if (!(best.get(list.docs[i]) >= s)) best.set(list.docs[i], s)
      }
    })
    return best
  }

  /* doc -> how well it holds all of some terms (their mean), times weight. */
  function scoreAll(index, round, terms, weight) {
    var total = null
    terms.forEach(function (t) {
      var one = scoreAlternatives(index, round, [[t, weight]])
      if (total === null) { total = one; return }
      var both = new Map()
      total.forEach(function (s, doc) { if (one.has(doc)) both.set(doc, s + one.get(doc)) })
      total = both
    })
    if (total && terms.length > 1) total.forEach(function (s, doc) { total.set(doc, s / terms.length) })
    return total || new Map()
  }

  /* doc -> how well it holds the index terms inside a word the index lacks
   * (index.data.parts, faqlib.tokenizer.parts), scored as rank() scores a
   * query: the idf-weighted sum, times the share of their weight held to
   * COVERAGE_POWER. A doc holding any of them is found: a word the reader
   * typed never empties the query when its pieces are in the index. */
  function scoreParts(index, round, parts, weight) {
    var lists = parts.map(function (t) { return postings(index, round, t) }), out = new Map()
    var weights = lists.map(function (list, k) {
      var idf = Math.log(1 + index.total / Math.max(1, list.df))
      return parts[k].length === 1 && index.cjk.test(parts[k]) ? idf * CHAR_WEIGHT : idf
    })
    var all = weights.reduce(function (a, b) { return a + b }, 0) || 1
    var sums = new Map(), held = new Map()
    lists.forEach(function (list, k) {
      for (var i = 0; i < list.docs.length; i++) {
        var doc = list.docs[i]
        sums.set(doc, (sums.get(doc) || 0) + weights[k] * fieldWeight(index, list.codes[i]))
        held.set(doc, (held.get(doc) || 0) + weights[k])
      }
    })
    sums.forEach(function (s, doc) { out.set(doc, weight * s / all * Math.pow(held.get(doc) / all, COVERAGE_POWER)) })
    return out
  }

  /* The concepts of a query: each covers some of its words, and scores docs. */
  function concepts(index, round, words, raw) {
    var out = []
    var standIns = [] // [index word, the query's words it stands for, weight]: typos, family words
    words.forEach(function (w, i) {
      var word = w[0], typed = raw.slice(w[1], w[2]), alts = []
      if (index.cjk.test(word)) {
        alts.push([word, word.length > 1 ? 1 : CHAR_WEIGHT])
      } else {
        alts.push([word, 1])
        if (typed !== word && /^[a-z0-9]+$/.test(typed)) alts.push([typed, 1])
        // An unfinished word ('parall'), or a longer form of it ('compil' for 'compilation').
        if (typed.length >= 3) withPrefix(index, round, word).forEach(function (t) { alts.push([t, PREFIX_WEIGHT]) })
        // Only a word the index surely lacks (its dictionary shard is here).
        if (entry(index, round, word) === null) {
          typos(index, round, word, typed).forEach(function (t) { alts.push([t, TYPO_WEIGHT]); standIns.push([t, [i], TYPO_WEIGHT]) })
          family(index, round, word).forEach(function (t) { alts.push([t, FAMILY_WEIGHT]); standIns.push([t, [i], FAMILY_WEIGHT]) })
        }
      }
      out.push({
        covers: [i], marks: alts.map(function (a) { return a[0] }), scores: scoreAlternatives(index, round, alts),
        exact: new Set(postings(index, round, word).docs) // docs holding the word itself, in either language
      })
      // Two Latin words typed apart that the text writes as one.
      var next = words[i + 1]
      if (next && /^[a-z]+$/.test(typed) && next[1] === w[2] + 1) {
        var joined = term(index, typed + raw.slice(next[1], next[2]))
        if (has(index, round, joined)) out.push({
          covers: [i, i + 1], marks: [joined], scores: scoreAll(index, round, [joined], JOINED_WEIGHT),
          exact: new Set(postings(index, round, joined).docs) // the reader's word, only spaced
        })
      }
    })
    // A homophone the reader's input method gave, for the word it meant
    // (alone: with its synonym groups, 模型倒出格式 -> 导出 -> 转换 put a
    // question on converting models first; measured on the typo sets).
    soundAlikes(index, round, raw, words).forEach(function (alike) {
      out.push({ covers: alike[1], marks: [alike[0]], scores: scoreAll(index, round, [alike[0]], TYPO_WEIGHT) })
    })
    // Synonyms (read at build time as the query is read here): a group
    // member found in the query stands for every other member of its group
    // that the index holds. A member with Chinese in it is found in the
    // query's text, whatever its segmentation; others as consecutive words.
    // A one-term member that a typo or a family word stands in for brings
    // its group too, at that stand-in's weight ('distribution' ->
    // distribut(ed) -> parallel).
    var terms = words.map(function (w) { return w[0] })
    index.data.synonyms.forEach(function (group) {
      group.forEach(function (member, m) {
        var hits = [] // [the query's words it covers, weight]
        if (member[2]) {
          var at = raw.indexOf(member[2]), end = at + member[2].length, covers = []
          if (at >= 0) words.forEach(function (w, k) { if (w[1] < end && w[2] > at) covers.push(k) })
          if (covers.length) hits.push([covers, 1])
        } else {
          var first = find(terms, member[0])
          if (first >= 0) hits.push([member[0].map(function (_, k) { return first + k }), 1])
        }
        if (member[0].length === 1) standIns.forEach(function (s) { if (s[0] === member[0][0]) hits.push([s[1], s[2]]) })
        hits.forEach(function (f) {
          group.forEach(function (other, o) {
            if (o === m || !other[1]) return
            // (usable 2: the index holds it only as its pieces, a looser stand-in)
            var weight = (other[1] === 2 ? SYNONYM_WEIGHT * PARTS_WEIGHT : SYNONYM_WEIGHT) * f[1]
            out.push({ covers: f[0], marks: other[0], scores: scoreAll(index, round, other[0], weight) })
          })
        })
      })
    })
    // A word that nothing above found, and that the index lacks, counts as
    // the index terms inside it (硬件支持 -> 硬件, 支持): a word the reader
    // typed, or a synonym the query holds, never empties the query. Only
    // then: where the word or its synonyms found questions, its pieces
    // would compete with them (网络脚本 on the seed lost its first place).
    var found = words.map(function () { return false })
    out.forEach(function (concept) { if (concept.scores.size) concept.covers.forEach(function (k) { found[k] = true }) })
    words.forEach(function (w, i) {
      var parts = !found[i] && index.data.parts && Object.prototype.hasOwnProperty.call(index.data.parts, w[0]) && index.data.parts[w[0]]
      if (parts) out.push({ covers: [i], marks: parts, scores: scoreParts(index, round, parts, PARTS_WEIGHT) })
    })
    return out
  }

  function find(list, part) {
    if (!part.length) return -1
    outer: for (var i = 0; i + part.length <= list.length; i++) {
      for (var k = 0; k < part.length; k++) if (list[i + k] !== part[k]) continue outer
      return i
    }
    return -1
  }

  /* The docs matching a query, best first: {raw (the query as read), words,
   * ranked: [{doc, best, score, exact}] (best[i]: how well the doc holds
   * query word i, 0 not at all), total (how many matched), concepts}; null
   * while the round lacks files (the scoring, the costly part, waits). */
  function rank(index, round, query) {
    var raw = normalize(toSimplified(index, query))
    var words = queryWords(index, round, raw)
    if (round.lacking.size) return null
    var found = concepts(index, round, words, raw)
    if (round.lacking.size) return null
    // Each word of the query counts once per doc, by the best concept that
    // covers it: a synonym or typo never adds to the reader's own word, it
    // only stands in where that word is missing.
    var docs = new Map(), n = words.length
    found.forEach(function (concept) {
      var covers = concept.covers, exact = concept.exact
      concept.scores.forEach(function (s, doc) {
        var held = docs.get(doc)
        if (!held) {
          held = { doc: doc, best: new Array(n).fill(0), exact: 0, score: 0 }
          docs.set(doc, held)
        }
        if (exact && exact.has(doc)) held.exact += covers.length
        var share = s / covers.length
        for (var k = 0; k < covers.length; k++) if (share > held.best[covers[k]]) held.best[covers[k]] = share
      })
    })
    // Each word weighs by how rare its meaning is here: the idf of the docs
    // that any of its alternatives (itself, synonyms, typos, the other
    // language) matched. A single ideograph weighs less.
    var matched = new Array(n).fill(0)
    docs.forEach(function (held) { for (var i = 0; i < n; i++) if (held.best[i] > 0) matched[i]++ })
    var weights = words.map(function (w, i) {
      var idf = Math.log(1 + index.total / Math.max(1, matched[i]))
      return index.cjk.test(w[0]) && w[0].length === 1 ? idf * CHAR_WEIGHT : idf
    })
    var all = weights.reduce(function (a, b) { return a + b }, 0) || 1
    // A doc scores the weighted sum of how well it holds each word, times
    // the share of the query's weight it holds, to a power: holding more of
    // the query beats holding less of it better.
    // Only the best MAX_RESULTS are kept, in order (a large site matches
    // thousands: sorting them all is most of a warm query's time).
    var ranked = []
    docs.forEach(function (held) {
      var score = 0, share = 0
      for (var i = 0; i < n; i++) if (held.best[i] > 0) { score += weights[i] * held.best[i]; share += weights[i] }
      held.score = score * Math.pow(share / all, COVERAGE_POWER)
      if (ranked.length === MAX_RESULTS && before(ranked[MAX_RESULTS - 1], held)) return
      var at = ranked.length
      while (at > 0 && before(held, ranked[at - 1])) at--
      ranked.splice(at, 0, held)
      if (ranked.length > MAX_RESULTS) ranked.pop()
    })
    return { raw: raw, words: words, ranked: ranked, total: docs.size, concepts: found }
  }

  /* Whether doc a ranks before doc b. Ties: more of the query's words as
   * typed, then reading order. */
  function before(a, b) {
    return a.score > b.score || (a.score === b.score && (a.exact > b.exact || (a.exact === b.exact && a.doc < b.doc)))
  }

  /* The words to mark in a result, from the concept that scored it best first. */
  function marksOf(found, held) {
    var scored = []
    found.concepts.forEach(function (concept) {
      var s = concept.scores.get(held.doc)
      if (s) scored.push([s, concept.marks])
    })
    var marks = []
    scored.sort(function (a, b) { return b[0] - a[0] }).forEach(function (m) {
      m[1].forEach(function (t) { if (marks.length < MAX_MARKS && marks.indexOf(t) < 0) marks.push(t) })
    })
    return marks
  }

  // Sites of this many questions or more warm the worker up before it says
  // it is ready. Measured: at 100,000 questions it takes 25-40 ms and saves
  // the first query 15-20 ms; at 24 it takes 25 ms and saves nothing.
  var WARM_UP_DOCS = 1000

  /* Ranks a made-up query over made-up files once, before the worker says
   * it is ready: V8 compiles a function when it first runs and optimises it
   * when it runs often, which was 15-20 ms of the first query at 100,000
   * questions (the dictionary, postings decoding and scoring). Its files
   * are its own: the real ones are never touched, and none is loaded. */
  function warmUp(index) {
    var files = new Files(index.files.source, true)
    var madeUp = new Index(index.data, files)
    var digits = index.format.digits
    var made = function (count, step) { // postings: gaps of 1-3 docs, varied codes
      var text = ""
      for (var i = 0; i < count; i++) text += digits[32 + 2 + (i * step) % 6] + digits[(i * 7) % 32]
      return text
    }
    var byShard = {}
    ;["mindspore", "mindsporev2", "gradient", "clipping", "模型", "导出"].forEach(function (word, k) {
      var n = dictionaryShard(index, word)
      if (n >= 0) (byShard[n] = byShard[n] || []).push([word, made(300 + 150 * k, k + 1)])
    })
    Object.keys(byShard).forEach(function (n) {
      var rows = byShard[n].sort(function (a, b) { return a[0] < b[0] ? -1 : 1 })
      files.receive("d", Number(n), [rows.map(function (r) { return r[0] }), rows.map(function (r) { return r[1] })])
    })
    rank(madeUp, new Round(files), "MindSpore 模型導出 gradient clipping 怎么")
    highlight("MindSpore 模型导出", ["mindspore", "模型"])
  }

  /* ------------------------------------------------------------------
   * 6. Results: a query's, and the excerpts of those shown.
   * ------------------------------------------------------------------ */

  // The best is sent as soon as its question is here, then the rest: at
  // 100,000 questions that halved the median time to the first result shown
  // (each result's question is a file, 3-8 ms from disk in Chromium).
  var FIRST_RESULTS = 1

  /* A query's results, sent (send(found, results, partial, lost, near)) as
   * soon as their questions are here: the best FIRST_RESULTS first when the
   * others' files are still to come, then all. lost: the files it could not
   * have. When nothing matches, the results are the nearest questions, and
   * near says so: {suggestion} (the query with its nearest index words),
   * or {} when nothing is near. Resolves when the last is sent. */
  function search(index, query, send) {
    return withShards(index.files, function (round) { return rank(index, round, query) }).then(function (ranking) {
      // (null only if files kept lacking past MAX_ROUNDS: a bug, answered with nothing)
      var found = ranking.value || { raw: "", words: [], ranked: [], total: 0, concepts: [] }
      if (!found.total && found.words.length) return nearest(index, found, ranking.lost, send)
      return list(index, found, ranking.lost, send, null)
    })
  }

  function list(index, found, lost, send, near) {
    var top = found.ranked.slice(0, MAX_RESULTS)
    var first = top.length > FIRST_RESULTS && top.some(function (held) { return !metaHere(index, held.doc) })
      ? results(index, found, top.slice(0, FIRST_RESULTS)).then(function (listed) {
        send(found, listed.value, true, union(lost, listed.lost), near)
      })
      : Promise.resolve()
    return first.then(function () { return results(index, found, top) }).then(function (listed) {
      send(found, listed.value, false, union(lost, listed.lost), near)
    })
  }

  /* No dead ends: a query that matched nothing is answered with the
   * questions its nearest index words find, and those words are offered
   * ("did you mean"); when no word is near, with nothing, and near says so. */
  function nearest(index, found, lost, send) {
    return withShards(index.files, function (round) { return suggest(index, round, found) }).then(function (suggested) {
      var text = suggested.value
      lost = union(lost, suggested.lost)
      if (!text) return send(found, [], false, lost, {})
      return withShards(index.files, function (round) { return rank(index, round, text) }).then(function (ranking) {
        var near = ranking.value || found, best = near.ranked[0]
        lost = union(lost, ranking.lost)
        // A suggested term is a stem ('clip'): offer it as the best
        // question writes it ('clipping').
        var written = !best ? Promise.resolve({ value: text }) : withShards(index.files, function (round) {
          var record = meta(index, round, best.doc)
          return record ? asWritten(text, record[1]) : text
        })
        return written.then(function (shown) {
          var report = function (_, listed, partial, more) { send(found, listed, partial, more, { suggestion: shown.value }) }
          return list(index, near, lost, report, null)
        })
      })
    })
  }

  /* Each Latin word of a suggestion as a question's text writes it. */
  function asWritten(suggestion, question) {
    var text = question.normalize("NFKC").toLowerCase()
    return suggestion.split(" ").map(function (word) {
      if (!/^[a-z]+$/.test(word)) return word
      var match = new RegExp("(?:^|[^a-z])(" + word + "[a-z]*)").exec(text)
      return match ? match[1] : word
    }).join(" ")
  }

  var SUGGEST_SHARE = 0.5 // a Chinese word shares at least half its characters with the one it suggests

  /* The query's words that have a nearest index word, replaced by it, or
   * null when none has: a Latin word by edit distance among the typo
   * candidates of its first letter (2 edits, 3 from 8 letters, shown as the
   * question text writes it); a run of Chinese as typed (its segments, often
   * single ideographs when nothing matched, say little alone) by the
   * characters it shares with the index terms that begin with one of them:
   * at least half of both. */
  function suggest(index, round, found) {
    var out = [], run = null
    var flush = function () {
      if (run === null) return
      var near = Array.from(run).length > 1 ? nearChinese(index, round, run) : null
      if (near) out.push(near)
      run = null
    }
    found.words.forEach(function (w, i) {
      var typed = found.raw.slice(w[1], w[2])
      if (index.cjk.test(w[0])) {
        var joined = i > 0 && run !== null && found.words[i - 1][2] === w[1]
        if (!joined) flush()
        run = (run || "") + typed
        return
      }
      flush()
      var near = /^[a-z]+$/.test(w[0]) ? nearLatin(index, round, w[0], typed) : null
      if (near) out.push(near)
    })
    flush()
    return out.length ? out.join(" ") : null
  }

  function nearLatin(index, round, word, typed) {
    if (index.data.typo.indexOf(word[0]) < 0) return null
    var byLength = round.shard("v", word[0])
    if (!byLength) return null
    var max = word.length >= 8 ? 3 : 2, best = null, bestDistance = max + 1
    for (var len = Math.max(1, word.length - max); len <= word.length + max; len++) {
      ;(byLength[len] || []).forEach(function (t) {
        var d = t === word ? max + 1 : distance(word, t, bestDistance - 1)
        if (d < bestDistance) { best = t; bestDistance = d }
      })
    }
    return best
  }

  function nearChinese(index, round, typed) {
    var chars = Array.from(new Set(Array.from(typed))), best = null, bestShare = SUGGEST_SHARE - 1e-9
    chars.forEach(function (c) {
      var candidates = withPrefix(index, round, c)
      if (has(index, round, c)) candidates.push(c)
      candidates.forEach(function (t) {
        var shared = Array.from(new Set(Array.from(t))).filter(function (x) { return chars.indexOf(x) >= 0 }).length
        var share = 2 * shared / (chars.length + new Set(Array.from(t)).size)
        if (share > bestShare || (share === bestShare && best && Math.abs(t.length - typed.length) < Math.abs(best.length - typed.length))) {
          best = t
          bestShare = share
        }
      })
    })
    return best
  }

  function union(a, b) {
    var all = new Set(a)
    b.forEach(function (x) { all.add(x) })
    return all
  }

  /* Results of some ranked docs, once their questions' files are here:
   * {url, title (marked), score, terms (which query words it holds), doc,
   * marks (for its excerpt), page (its page's title, on a site of several)}. */
  function results(index, found, top) {
    return withShards(index.files, function (round) {
      return top.map(function (held) { return meta(index, round, held.doc) })
    }).then(function (records) {
      var out = []
      top.forEach(function (held, n) {
        var record = records.value[n]
        if (!record) return // its file was lost (said with the results)
        var terms = {}
        found.words.forEach(function (w, i) { terms[found.raw.slice(w[1], w[2])] = held.best[i] > 0 })
        var marks = marksOf(found, held)
        out.push({
          url: record[2] + "#" + record[0], title: highlight(record[1], marks), score: held.score, terms: terms,
          doc: held.doc, marks: marks, page: index.data.pages > 1 ? record[3] : ""
        })
      })
      return { value: out, lost: records.lost }
    })
  }

  /* Excerpts of answers (t-<n>.js) for results being shown: [[doc, markup]]. */
  function excerpts(index, wanted) {
    return withShards(index.files, function (round) {
      return wanted.map(function (w) {
        var text = answer(index, round, w.doc)
        return [w.doc, text === undefined ? "" : excerpt(text, w.marks)]
      })
    }).then(function (done) { return done.value })
  }

  /* ------------------------------------------------------------------
   * 7. Protocol, with the page (faq-search-setup.js; Material's own search
   * messages are translated by faq-material.js):
   *   in:  root {url, viaPage, timeout}  where shards come from, and how
   *        setup {index, warmUp}         the base; "ready" follows
   *        query {query}                 "results" follow (partial first, maybe)
   *        excerpts {wanted: [{doc, marks}]}
   *        shard {kind, n, data} or {name, failed}   from disk: a file, or why not
   *   out: ready
   *        results {query, read (the query as read: Simplified, normalized),
   *                 words ([term, start, end] of read), results (see
   *                 results()), total (how many matched), partial,
   *                 failed: [[file, why]], near: null, or when nothing
   *                 matched {suggestion} (results are then the nearest
   *                 questions of the suggestion) or {} (nothing is near)}
   *        excerpts {excerpts: [[doc, markup]]}
   *        load {files}                  from disk: shards the page should load
   * Queries are answered one after another, in order of arrival (one that
   * waits for files would otherwise be answered after a later one, and
   * Material shows the last answer it gets).
   * ------------------------------------------------------------------ */

  var source = { root: "", viaPage: false, timeout: LOAD_TIMEOUT }
  var index = null
  var queue = Promise.resolve()

  function lostFiles(files, names) {
    return Array.from(names).sort().map(function (name) { return [name + ".js", files.failed[name]] })
  }

  scope.addEventListener("message", function (ev) {
    var message = ev.data
    if (message.type === "root") {
      source = { root: message.url, viaPage: !!message.viaPage, timeout: message.timeout || LOAD_TIMEOUT }
    } else if (message.type === "shard") {
      if (!index) return
      if (message.failed) index.files.settle(message.name, message.failed)
      else index.files.receive(message.kind, message.n, message.data)
    } else if (message.type === "setup") {
      index = new Index(message.index, new Files(source))
      if (message.warmUp !== undefined ? message.warmUp : index.total >= WARM_UP_DOCS) warmUp(index)
      scope.postMessage({ type: "ready" })
    } else if (message.type === "query") {
      var query = message.query, here = index
      queue = queue.then(function () {
        if (!here) return scope.postMessage({ type: "results", query: query, read: "", words: [], results: [], total: 0, partial: false, failed: [] })
        return search(here, query, function (found, listed, partial, lost, near) {
          scope.postMessage({
            type: "results", query: query, read: found.raw, words: found.words, results: listed, total: found.total,
            partial: partial, failed: lostFiles(here.files, lost), near: near
          })
        })
      }).catch(function (err) {
        // A bug, not a lost file: shown in the console; the next query still runs.
        setTimeout(function () { throw err })
      })
    } else if (message.type === "excerpts" && index) {
      excerpts(index, message.wanted).then(function (pairs) { scope.postMessage({ type: "excerpts", excerpts: pairs }) })
    }
  })
})(self)
