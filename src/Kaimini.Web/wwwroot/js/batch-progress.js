// Updates a bulk send's counts every few seconds while the worker prepares it or mail waits; the
// page works without it (a plain link reloads the counts).
(function () {
    var root = document.getElementById('batch-progress');
    if (!root || !window.fetch) { return; }
    var url = root.getAttribute('data-progress-url');
    function update() {
        fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (p) {
                if (!p) { return; }
                ['total', 'processed', 'queued', 'sent', 'failed'].forEach(function (k) {
                    var el = root.querySelector('[data-count="' + k + '"]');
                    if (el && String(p[k]) !== el.textContent) { el.textContent = p[k]; }
                });
                var finished = p.processed >= p.total;
                root.querySelector('[data-state="running"]').hidden = finished;
                root.querySelector('[data-state="finished"]').hidden = !finished;
                if (p.running) { setTimeout(update, 3000); }
            })
            .catch(function () { setTimeout(update, 10000); });
    }
    setTimeout(update, 2000);
})();
