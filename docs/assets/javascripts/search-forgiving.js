/* Search that forgives: between Material's search box and its search worker (lunr).
 *
 * - Numbers are found with or without thousands separators: a query's "28500" also asks for
 *   "28,500", and "28,500" also for "28500".
 * - A query that finds nothing is asked once more with lunr's edit distance 1
 *   (`word~1`) on each word of five or more letters, so that "deterence" finds deterrence.
 *
 * It wraps the worker's postMessage and its message listeners, so it must run before
 * Material's bundle creates the worker (mkdocs.yml lists it with the polyfills, after the
 * iframe-worker shim that stands in for Worker when the site is opened from disk). Message
 * types are Material's: 2 a query, 3 its results. No eval, nothing from another host. */
(function () {
  "use strict";
  var Worker = window.Worker;
  if (!Worker || !Worker.prototype) return;
  var proto = Worker.prototype;
  var post = proto.postMessage;
  var listen = proto.addEventListener;
  var QUERY = 2, RESULT = 3, MIN_FUZZY = 5;
  function numbers(query) {
    var extra = [];
    query.replace(/\d{1,3}(?:,\d{3})+|\d{4,}/g, function (number) {
      var plain = number.replace(/,/g, "");
      var grouped = plain.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      extra.push(number === plain ? grouped : plain);
      return number;
    });
    extra = extra.filter(function (term) { return query.indexOf(term) < 0; });
    return extra.length ? query + " " + extra.join(" ") : query;
  }

  function fuzzy(query) {
    var changed = false;
    var words = query.split(/\s+/).map(function (word) {
      if (/^[A-Za-z\u00C0-\u024F'’-]+$/.test(word) && word.replace(/[^A-Za-z\u00C0-\u024F]/g, "").length >= MIN_FUZZY) {
        changed = true;
        return word.replace(/['’-]/g, "") + "~1";
      }
      return word;
    });
    return changed ? words.join(" ") : null;
  }

  // The questions to ask in turn, until one finds something.
  function attempts(query) {
    return [numbers(query), fuzzy(query)].filter(function (q, i, all) {
      return q && all.indexOf(q) === i;
    });
  }

  proto.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      var ask = attempts(message.data);
      this.__forgiving = { rest: ask.slice(1) };
      message = { type: QUERY, data: ask[0] || message.data };
    }
    return post.apply(this, [message].concat([].slice.call(arguments, 1)));
  };

  proto.addEventListener = function (type, listener, options) {
    if (type !== "message" || typeof listener !== "function") return listen.apply(this, arguments);
    var worker = this;
    return listen.call(this, type, function (event) {
      var data = event.data, state = worker.__forgiving;
      if (data && data.type === RESULT && data.data && data.data.items && !data.data.items.length
          && state && state.rest.length) {
        post.call(worker, { type: QUERY, data: state.rest.shift() });
        return;
      }
      return listener.call(this, event);
    }, options);
  };
})();
