// Shows papers enriched while the page is open at the top of the results, from the search's own event stream
// (/stream/papers?<the same filter>). Built with DOM calls and textContent only: a paper's text is never HTML here.
(function () {
  'use strict';
  var status = document.getElementById('live-status');
  var list = document.getElementById('results');
  if (!status || !list || !window.EventSource) {
    return;
  }
  var arrived = 0;
  var source = new EventSource(status.getAttribute('data-stream'));

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function item(paper) {
    var li = element('li', 'paper new');
    li.setAttribute('data-id', paper.id);
    var article = element('article');
    var heading = element('h3');
    var link = element('a', null, paper.title);
    link.href = '/p/' + encodeURIComponent(paper.id);
    heading.appendChild(link);
    article.appendChild(heading);
    var time = element('time', null, paper.firstSeen);
    time.setAttribute('datetime', paper.firstSeen);
    var meta = element('p', 'meta');
    meta.appendChild(time);
    meta.appendChild(document.createTextNode(' · new'));
    article.appendChild(meta);
    article.appendChild(element('p', 'abstract', paper.shortAbstract || ''));
    var tags = element('ul', 'tags');
    (paper.topics || []).forEach(function (slug) {
      var chip = element('a', 'chip', slug);
      chip.href = '/?topic=' + encodeURIComponent(slug);
      var entry = element('li');
      entry.appendChild(chip);
      tags.appendChild(entry);
    });
    (paper.linkKinds || []).forEach(function (kind) {
      var entry = element('li');
      entry.appendChild(element('span', 'badge badge-' + kind, kind));
      tags.appendChild(entry);
    });
    article.appendChild(tags);
    li.appendChild(article);
    return li;
  }

  source.addEventListener('paper', function (event) {
    var paper;
    try {
      paper = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (list.querySelector('li[data-id="' + CSS.escape(paper.id) + '"]')) {
      return;
    }
    list.insertBefore(item(paper), list.firstChild);
    arrived += 1;
    status.textContent = arrived === 1 ? '1 new paper arrived while this page was open.'
      : arrived + ' new papers arrived while this page was open.';
  });
  source.addEventListener('error', function () {
    if (source.readyState === EventSource.CLOSED) {
      status.textContent = 'Live updates are unavailable; reload the page for new papers.';
    }
  });
}());
