/* Offline FAQ search, as a worker speaking Material's search protocol
 * (messages SETUP 0, READY 1, QUERY 2, RESULT 3), over the sharded index of
 * hooks/faqlib/search.py: SETUP brings the base (contract, tables, shard
 * directory); the shards a query needs are loaded with importScripts (which
 * works from disk, where fetch is refused) and kept.
 *
 * Every rule of what a term is (patterns, stop words, spellings) comes with
 * the index, from hooks/faqlib/tokenizer.py; only stem() and queryWords() are
 * written here too, and tests/test_search_parity.py compares them with the
 * Python ones.
 *
 * Loaded twice: as a Worker over http, and as a page script that only exposes
 * its own source, from which faq-search-setup.js builds a blob: worker when
 * the site is opened from disk. */
(function faqSearchWorker(scope) {
  "use strict"

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]
    })
  }

  /* Escaped text with the given words marked, longest word first. The only
   * place that turns text into result markup: the worker's titles, and the
   * page's excerpts (faq-search-setup.js, through faqSearchMarkup). */
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

  var EXCERPT_WIDTH = 150 // about two lines: an ideograph counts 2, other characters 1
  var EXCERPT_BEFORE = 40

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

  // Ranking: the reader's own words first, then what stands in for them.
  // Tuned on our dev query sets as a whole (tests/data/, README: Search).
  var TITLE_WEIGHT = 6    // a word of the question counts 6 answer mentions
  var LENGTH_NORM = 0.8   // how much shorter questions gain (0: not at all)
  var OTHER_WEIGHT = 0.7  // a word of the question's other-language text
  var PREFIX_WEIGHT = 0.6 // 'parall' -> 'parallel'
  var JOINED_WEIGHT = 0.9 // 'check point' -> 'checkpoint'
  var SYNONYM_WEIGHT = 0.9 // 梯度裁剪 -> 梯度截断 (docs/synonyms.yml)
  var TYPO_WEIGHT = 0.4   // 'gradiant' -> 'gradient'
  var PARTS_WEIGHT = 0.6  // 硬件支持, a word the index lacks -> its terms 硬件, 支持: pieces of its meaning, as a prefix is
  var CHAR_WEIGHT = 0.5   // a single ideograph: a part of a word, or a word of little weight
  var COVERAGE_POWER = 1.5 // docs holding less of the query's weight fall this steeply
  var MAX_PREFIX = 20
  var MAX_TYPOS = 8
  // Results sent, the best first: each needs its question's text, a file
  // per result on a large site (files are most of a cold query's time), so
  // the list holds what a screen shows; the count says how many matched.
  var MAX_RESULTS = 10
  // The best is sent as soon as its question is here, then the rest: at
  // 100,000 questions that halved the median time to the first result shown
  // (each result's question is a file, 3-8 ms from disk in Chromium).
  var FIRST_RESULTS = 1
  var MAX_MARKS = 12
  // A query needs at most: dictionary, then postings, then a typo's or a
  // synonym's dictionary and postings. More rounds than this is a bug.
  var MAX_ROUNDS = 8
  // Sites of this many questions or more warm the worker up before it says
  // it is ready (warmUp()). Measured: at 100,000 questions it takes 25-40 ms
  // and saves the first query 15-20 ms; at 24 it takes 25 ms and saves nothing.
  var WARM_UP_DOCS = 1000

  var index = null // the base, and what setup() derives from it
  var root = ""    // the search folder's address (the page sends it first)
  var shards = null // kind -> number -> data, as loaded
  var failed = {}  // files that could not be loaded: searched as empty
  var missing = null // the files the current round asked for and lacked
  var warming = false // while warmUp() runs: a shard it did not make is empty

  function normalize(text) {
    return text.normalize("NFKC").toLowerCase()
  }

  /* Mirror of faqlib.tokenizer.stem. */
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

  /* faqlib.tokenizer.spell, from the contract's rules. */
  function spell(word) {
    var rules = index.contract.spelling
    for (var i = 0; i < rules.length; i++) {
      var suffix = rules[i][0]
      if (word.length >= rules[i][2] && word.slice(-suffix.length) === suffix)
        return word.slice(0, -suffix.length) + rules[i][1]
    }
    return word
  }

  function term(word) {
    return /^[a-z]+$/.test(word) ? stem(spell(word)) : word
  }

  function setup(data) {
    var contract = data.contract
    var trad = Array.from(data.t2s.chars[0]), simp = Array.from(data.t2s.chars[1])
    var chars = new Map()
    trad.forEach(function (c, i) { chars.set(c, simp[i]) })
    var longest = 1
    Object.keys(data.t2s.phrases).forEach(function (p) { longest = Math.max(longest, p.length) })
    // By character code: the decoding loop below runs over every posting of
    // a query's terms (thousands), and a typed array is its fastest lookup.
    var digit = new Int8Array(128).fill(-1)
    Array.from(data.format.digits).forEach(function (c, i) { digit[c.charCodeAt(0)] = i })
    index = {
      data: data, cache: new Map(), total: data.docs, format: data.format, digit: digit,
      contract: contract,
      latin: new RegExp("^(?:" + contract.latin + ")$"),
      cjk: new RegExp("^(?:" + contract.cjk + ")$"),
      token: new RegExp(contract.latin + "|" + contract.cjk, "g"),
      stop: new Set(contract.stopWords),
      chars: chars, phrases: data.t2s.phrases, longestPhrase: longest,
      segment: new Set(data.segment)
    }
    shards = { d: {}, p: {}, v: {}, m: {}, t: {} }
    failed = {}
  }

  /* A shard file calls this when it runs (importScripts, or a test). */
  function receive(kind, n, data) {
    if (kind === "d") {
      var at = new Map()
      data[0].forEach(function (t, i) { at.set(t, i) })
      data = { terms: data[0], values: data[1], at: at }
    } else if (kind === "v") {
      var byLength = []
      data.forEach(function (t) { (byLength[t.length] = byLength[t.length] || []).push(t) })
      data = byLength
    }
    shards[kind][n] = data
  }
  scope.faqSearchShard = receive

  /* The data of one shard, or undefined after noting that this round lacks it. */
  function shard(kind, n) {
    var data = shards[kind][n]
    if (data !== undefined) return data
    var name = kind + "-" + n
    if (failed[name] || warming) return kind === "d" ? { terms: [], values: [], at: new Map() } : kind === "v" ? [] : {}
    if (missing) missing.add(name)
    return undefined
  }

  /* Loads the files a round lacked; one that fails is searched as empty. */
  function load(names) {
    var urls = Array.from(names, function (name) { return root + name + ".js" })
    try {
      scope.importScripts.apply(scope, urls)
    } catch (err) {
      Array.from(names).forEach(function (name) {
        try { scope.importScripts(root + name + ".js") } catch (e) { failed[name] = true }
      })
    }
  }

  /* Runs fn until it ran with every file it asked for (each round loads what
   * the last one lacked), so the logic below reads as if all were loaded. */
  function withShards(fn) {
    for (var round = 0; ; round++) {
      missing = new Set()
      var value = fn()
      var lacking = missing
      missing = null
      if (!lacking.size || round >= MAX_ROUNDS) return value
      load(lacking)
    }
  }

  /* The dictionary shard whose range holds a term (by the first terms of all). */
  function dictionaryShard(t) {
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
   * null when the index has no such term, undefined while its shard is not loaded. */
  function entry(t) {
    var n = dictionaryShard(t)
    if (n < 0) return null
    var d = shard("d", n)
    if (!d) return undefined
    var i = d.at.get(t)
    return i === undefined ? null : d.values[i]
  }

  function has(t) {
    var value = entry(t)
    return value !== null && value !== undefined
  }

  /* Traditional to Simplified with the index's slice of OpenCC (faqlib/hant.py):
   * longest phrase first, then character by character. */
  function toSimplified(text) {
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

  /* Mirror of faqlib.tokenizer.segment. */
  function segment(run, known) {
    var words = []
    for (var i = 0; i < run.length;) {
      var size = Math.min(index.contract.maxWord, run.length - i)
      while (size > 1 && !known(run.substr(i, size))) size--
      words.push([run.substr(i, size), i])
      i += size
    }
    return words
  }

  /* Mirror of faqlib.tokenizer.query_words: [term, start, end] of a query in
   * Simplified Chinese; stop words dropped unless nothing else is left. */
  function queryWords(query) {
    var text = normalize(query), words = [], match
    var known = function (w) { return has(w) || index.stop.has(w) || index.segment.has(w) }
    index.token.lastIndex = 0
    while ((match = index.token.exec(text))) {
      var token = match[0], start = match.index
      if (index.cjk.test(token)) {
        segment(token, known).forEach(function (s) { words.push([s[0], start + s[1], start + s[1] + s[0].length]) })
      } else if (/[._]/.test(token) && !has(term(token))) {
        var at = start
        token.split(/([._])/).forEach(function (part) {
          if (part && part !== "." && part !== "_") words.push([term(part), at, at + part.length])
          at += part.length
        })
      } else {
        words.push([term(token), start, start + token.length])
      }
    }
    var content = words.filter(function (w) { return !index.stop.has(w[0]) })
    return content.length ? content : words
  }

  /* Index terms that start with a prefix, from the dictionary shards of its range. */
  function withPrefix(prefix) {
    var out = [], firsts = index.data.dict
    for (var n = Math.max(0, dictionaryShard(prefix)); n < firsts.length && out.length < MAX_PREFIX; n++) {
      if (firsts[n] > prefix && firsts[n].lastIndexOf(prefix, 0) !== 0) break // past the range
      var d = shard("d", n)
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

  /* Index words within one edit of a typed word of 5+ letters, two from 9+,
   * among the typo candidates of its first letter (v-<letter>.js). */
  function typos(word, typed) {
    if (typed.length < 5 || !/^[a-z]+$/.test(word) || index.data.typo.indexOf(word[0]) < 0) return []
    var byLength = shard("v", word[0])
    if (!byLength) return []
    var max = typed.length >= 9 ? 2 : 1, out = []
    for (var len = word.length - max; len <= word.length + max; len++) {
      ;(byLength[len] || []).forEach(function (t) {
        if (t !== word && out.length < MAX_TYPOS && distance(word, t, max) <= max) out.push(t)
      })
    }
    return out
  }

  var NONE = { docs: [], codes: [], df: 0 }

  /* A term's postings, decoded on first use: {docs, codes, df}. */
  function postings(t) {
    var hit = index.cache.get(t)
    if (hit) return hit
    var value = entry(t), encoded = null, df = 0
    if (value === undefined) return NONE // its dictionary shard is coming
    if (typeof value === "string") {
      encoded = value
    } else if (value !== null) {
      var packed = shard("p", value)
      if (!packed) return NONE
      if (Object.prototype.hasOwnProperty.call(packed, t)) {
        df = packed[t][0]
        encoded = packed[t][1]
      }
    }
    hit = decode(encoded || "")
    hit.df = df || hit.docs.length
    index.cache.set(t, hit)
    return hit
  }

  /* Postings as text (faqlib/search.py): per posting, the gap to the last doc
   * and the doc's code in one base-32 number, its last digit from the first 32. */
  function decode(encoded) {
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

  /* Ranks a made-up query over made-up shards once, before the worker says
   * it is ready: V8 compiles a function when it first runs and optimises it
   * when it runs often, which was 15-20 ms of the first query at 100,000
   * questions (the dictionary, postings decoding and scoring). Loads no file;
   * the real shards and caches are put back as they were. */
  function warmUp() {
    var real = [shards, index.cache]
    shards = { d: {}, p: {}, v: {}, m: {}, t: {} }
    index.cache = new Map()
    warming = true
    var digits = index.format.digits
    var made = function (count, step) { // postings: gaps of 1-3 docs, varied codes
      var text = ""
      for (var i = 0; i < count; i++) text += digits[32 + 2 + (i * step) % 6] + digits[(i * 7) % 32]
      return text
    }
    var byShard = {}
    ;["mindspore", "mindsporev2", "gradient", "clipping", "模型", "导出"].forEach(function (word, k) {
      var n = dictionaryShard(word)
      if (n >= 0) (byShard[n] = byShard[n] || []).push([word, made(300 + 150 * k, k + 1)])
    })
    Object.keys(byShard).forEach(function (n) {
      var rows = byShard[n].sort(function (a, b) { return a[0] < b[0] ? -1 : 1 })
      receive("d", Number(n), [rows.map(function (r) { return r[0] }), rows.map(function (r) { return r[1] })])
    })
    try {
      rank("MindSpore 模型導出 gradient clipping 怎么")
      highlight("MindSpore 模型导出", ["mindspore", "模型"])
    } finally {
      warming = false
      shards = real[0]
      index.cache = real[1]
    }
  }

  /* How well a doc holds a term: a question word counts TITLE_WEIGHT, more
   * in short questions, less in long ones (the length class the build gave
   * it); answer mentions add 1 + log(tf), tf capped at 3 at build time; the
   * other language's text counts OTHER_WEIGHT of that. */
  function fieldWeight(code) {
    var f = index.format
    var tf = code & f.tf
    var length = index.data.lengths[code >> f.lengthShift]
    var title = code & f.title ? TITLE_WEIGHT / (1 - LENGTH_NORM + LENGTH_NORM * length) : 0
    return (title + (tf ? 1 + Math.log(tf) : 0)) * (code & f.other ? OTHER_WEIGHT : 1)
  }

  /* doc -> how well it holds the best of some alternative terms [term, weight]. */
  function scoreAlternatives(alts) {
    var best = new Map()
    alts.forEach(function (alt) {
      var list = postings(alt[0])
      for (var i = 0; i < list.docs.length; i++) {
        var s = alt[1] * fieldWeight(list.codes[i])
        if (!(best.get(list.docs[i]) >= s)) best.set(list.docs[i], s)
      }
    })
    return best
  }

  /* doc -> how well it holds all of some terms (their mean), times weight. */
  function scoreAll(terms, weight) {
    var total = null
    terms.forEach(function (t) {
      var one = scoreAlternatives([[t, weight]])
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
  function scoreParts(parts, weight) {
    var lists = parts.map(postings), out = new Map()
    var weights = lists.map(function (list, k) {
      var idf = Math.log(1 + index.total / Math.max(1, list.df))
      return parts[k].length === 1 && index.cjk.test(parts[k]) ? idf * CHAR_WEIGHT : idf
    })
    var all = weights.reduce(function (a, b) { return a + b }, 0) || 1
    var sums = new Map(), held = new Map()
    lists.forEach(function (list, k) {
      for (var i = 0; i < list.docs.length; i++) {
        var doc = list.docs[i]
        sums.set(doc, (sums.get(doc) || 0) + weights[k] * fieldWeight(list.codes[i]))
        held.set(doc, (held.get(doc) || 0) + weights[k])
      }
    })
    sums.forEach(function (s, doc) { out.set(doc, weight * s / all * Math.pow(held.get(doc) / all, COVERAGE_POWER)) })
    return out
  }

  /* The concepts of a query: each covers some of its words, and scores docs. */
  function concepts(words, raw) {
    var out = []
    words.forEach(function (w, i) {
      var word = w[0], typed = raw.slice(w[1], w[2]), alts = []
      if (index.cjk.test(word)) {
        alts.push([word, word.length > 1 ? 1 : CHAR_WEIGHT])
      } else {
        alts.push([word, 1])
        if (typed !== word && /^[a-z0-9]+$/.test(typed)) alts.push([typed, 1])
        // An unfinished word ('parall'), or a longer form of it ('compil' for 'compilation').
        if (typed.length >= 3) withPrefix(word).forEach(function (t) { alts.push([t, PREFIX_WEIGHT]) })
        // Only a word the index surely lacks (its dictionary shard is here).
        if (entry(word) === null) typos(word, typed).forEach(function (t) { alts.push([t, TYPO_WEIGHT]) })
      }
      out.push({
        covers: [i], marks: alts.map(function (a) { return a[0] }), scores: scoreAlternatives(alts),
        exact: new Set(postings(word).docs) // docs holding the word itself, in either language
      })
      var parts = index.data.parts && Object.prototype.hasOwnProperty.call(index.data.parts, word) && index.data.parts[word]
      if (parts) out.push({ covers: [i], marks: parts, scores: scoreParts(parts, PARTS_WEIGHT) })
      // Two Latin words typed apart that the text writes as one.
      var next = words[i + 1]
      if (next && /^[a-z]+$/.test(typed) && next[1] === w[2] + 1) {
        var joined = term(typed + raw.slice(next[1], next[2]))
        if (has(joined)) out.push({
          covers: [i, i + 1], marks: [joined], scores: scoreAll([joined], JOINED_WEIGHT),
          exact: new Set(postings(joined).docs) // the reader's word, only spaced
        })
      }
    })
    // Synonyms (read at build time as the query is read here): a group
    // member found in the query stands for every other member of its group
    // that the index holds. A member with Chinese in it is found in the
    // query's text, whatever its segmentation; others as consecutive words.
    var terms = words.map(function (w) { return w[0] })
    index.data.synonyms.forEach(function (group) {
      group.forEach(function (member, m) {
        var covers = []
        if (member[2]) {
          var at = raw.indexOf(member[2]), end = at + member[2].length
          if (at >= 0) words.forEach(function (w, k) { if (w[1] < end && w[2] > at) covers.push(k) })
        } else {
          var first = find(terms, member[0])
          if (first >= 0) covers = member[0].map(function (_, k) { return first + k })
        }
        if (!covers.length) return
        group.forEach(function (other, o) {
          if (o === m || !other[1]) return
          out.push({ covers: covers, marks: other[0], scores: scoreAll(other[0], SYNONYM_WEIGHT) })
        })
      })
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

  /* The docs matching a query, best first: {doc, best, score, exact}, where
   * best[i] is how well the doc holds query word i (0: not at all). */
  function rank(query) {
    var raw = normalize(toSimplified(query))
    var words = queryWords(raw)
    // A round that lacks files is run again once they are here: skip the
    // scoring, the costly part, until then.
    if (missing && missing.size) return null
    var found = concepts(words, raw)
    if (missing && missing.size) return null
    // Each word of the query counts once per doc, by the best concept that
    // covers it: a synonym or typo never adds to the reader's own word, it
    // only stands in where that word is missing.
    var docs = new Map(), n = words.length
    found.forEach(function (concept) {
      var covers = concept.covers, exact = concept.exact
      concept.scores.forEach(function (s, doc) {
        var entry = docs.get(doc)
        if (!entry) {
          entry = { doc: doc, best: new Array(n).fill(0), exact: 0, score: 0 }
          docs.set(doc, entry)
        }
        if (exact && exact.has(doc)) entry.exact += covers.length
        var share = s / covers.length
        for (var k = 0; k < covers.length; k++) if (share > entry.best[covers[k]]) entry.best[covers[k]] = share
      })
    })
    // Each word weighs by how rare its meaning is here: the idf of the docs
    // that any of its alternatives (itself, synonyms, typos, the other
    // language) matched. A single ideograph weighs less.
    var matched = new Array(n).fill(0)
    docs.forEach(function (entry) { for (var i = 0; i < n; i++) if (entry.best[i] > 0) matched[i]++ })
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
    docs.forEach(function (entry) {
      var score = 0, held = 0
      for (var i = 0; i < n; i++) if (entry.best[i] > 0) { score += weights[i] * entry.best[i]; held += weights[i] }
      entry.score = score * Math.pow(held / all, COVERAGE_POWER)
      if (ranked.length === MAX_RESULTS && before(ranked[MAX_RESULTS - 1], entry)) return
      var at = ranked.length
      while (at > 0 && before(entry, ranked[at - 1])) at--
      ranked.splice(at, 0, entry)
      if (ranked.length > MAX_RESULTS) ranked.pop()
    })
    return { raw: raw, words: words, ranked: ranked, total: docs.size, concepts: found }
  }

  /* Whether doc entry a ranks before b. Ties: more of the query's words as
   * typed, then reading order. */
  function before(a, b) {
    return a.score > b.score || (a.score === b.score && (a.exact > b.exact || (a.exact === b.exact && a.doc < b.doc)))
  }

  /* The question record of a doc (m-<n>.js): [id, question, page url, page title]. */
  function meta(doc) {
    var size = index.data.chunks.meta, chunk = shard("m", Math.floor(doc / size))
    if (!chunk) return undefined
    var row = chunk.docs[doc % size], page = chunk.pages[row[2]]
    return [row[0], row[1], page[0], page[1]]
  }

  /* The words to mark in a result, from the concept that scored it best first. */
  function marksOf(found, entry) {
    var scored = []
    found.concepts.forEach(function (concept) {
      var s = concept.scores.get(entry.doc)
      if (s) scored.push([s, concept.marks])
    })
    var marks = []
    scored.sort(function (a, b) { return b[0] - a[0] }).forEach(function (m) {
      m[1].forEach(function (t) { if (marks.length < MAX_MARKS && marks.indexOf(t) < 0) marks.push(t) })
    })
    return marks
  }

  /* The results of a query, sent as RESULT messages: the best FIRST_RESULTS
   * as soon as their questions' files are here, then all MAX_RESULTS (each
   * file costs milliseconds; Material renders each message's list anew). */
  function search(query, send) {
    // (null only if files kept lacking past MAX_ROUNDS: a bug, answered with nothing)
    var found = withShards(function () { return rank(query) }) || { raw: "", words: [], ranked: [], total: 0, concepts: [] }
    var top = found.ranked.slice(0, MAX_RESULTS)
    var lacking = top.some(function (entry) { return !loaded(entry.doc) })
    if (lacking && top.length > FIRST_RESULTS) send(items(found, top.slice(0, FIRST_RESULTS)), true)
    send(items(found, top), false)
  }

  function loaded(doc) {
    return shards.m[Math.floor(doc / index.data.chunks.meta)] !== undefined
  }

  /* Material's result items for some ranked docs, their files loaded. */
  function items(found, top) {
    var records = withShards(function () { return top.map(function (entry) { return meta(entry.doc) }) })
    var out = []
    top.forEach(function (entry, n) {
      var record = records[n]
      if (!record) return // its file could not be loaded
      var terms = {}
      found.words.forEach(function (w, i) { terms[found.raw.slice(w[1], w[2])] = entry.best[i] > 0 })
      var marks = marksOf(found, entry)
      out.push([{
        location: record[2] + "#" + record[0],
        title: highlight(record[1], marks),
        text: "",
        score: entry.score,
        terms: terms,
        // For faq-search-setup.js: the excerpt it asks for when the result
        // shows, the page's title on a site of several pages, and how many
        // questions matched in all.
        faq: { doc: entry.doc, marks: marks, page: index.data.pages > 1 ? record[3] : "", total: found.total }
      }])
    })
    return out
  }

  /* Excerpts of answers (t-<n>.js) for results being shown: [[doc, markup]]. */
  function excerpts(wanted) {
    var size = index.data.chunks.text
    return withShards(function () {
      return wanted.map(function (w) {
        var chunk = shard("t", Math.floor(w.doc / size))
        var text = chunk && chunk[w.doc % size]
        return [w.doc, typeof text === "string" ? excerpt(text, w.marks) : ""]
      })
    })
  }

  scope.addEventListener("message", function (ev) {
    var message = ev.data
    if (message.type === "faq-root") {
      root = message.url
    } else if (message.type === 0) {
      setup(message.data.docs)
      if (index.total >= WARM_UP_DOCS) warmUp()
      scope.postMessage({ type: 1 })
    } else if (message.type === 2) {
      if (!index) scope.postMessage({ type: 3, data: { items: [] } })
      else search(message.data, function (items, partial) {
        // (partial: the best few, the whole list follows; Material ignores the flag)
        scope.postMessage({ type: 3, data: { items: items, faq: { partial: partial } } })
      })
    } else if (message.type === "faq-excerpts" && index) {
      scope.postMessage({ type: "faq-excerpts", data: excerpts(message.data) })
    }
  })

  // For tests of the tokenizer against faqlib/tokenizer.py.
  scope.faqSearch = {
    setup: setup, warmUp: warmUp, shard: receive, stem: stem, normalize: normalize, queryWords: queryWords,
    toSimplified: toSimplified, highlight: highlight,
    search: function (query) { var last; search(query, function (items) { last = items }); return last },
    rank: function (query) { return withShards(function () { return rank(query) }) }
  }
})(self)
