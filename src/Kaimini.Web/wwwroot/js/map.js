// Maps beside lists and the point picker of forms (Leaflet, vendored in /lib/leaflet).
// A list map (data-map-for="list-id") shows a marker for each item of the list that carries
// data-lat/data-lng, with its title linking to its page: nothing that the list lacks.
// A picker (data-map-picker) sets the form's latitude and longitude fields on a click, and follows
// them when they are typed. Without Leaflet or tiles the page works as before.
(function () {
    'use strict';
    if (typeof L === 'undefined') {
        return;
    }

    var home = [56.85, 24.0]; // between Babīte, Mārupe, Olaine, Ķekava and Baldone

    function baseMap(el) {
        // No fade: a popup reads at full contrast at once.
        var map = L.map(el, { scrollWheelZoom: false, fadeAnimation: false }).setView(home, 9);
        L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution, maxZoom: 18 }).addTo(map);
        return map;
    }

    function point(lat, lng) {
        var a = parseFloat(String(lat).replace(',', '.'));
        var b = parseFloat(String(lng).replace(',', '.'));
        return isFinite(a) && isFinite(b) ? [a, b] : null;
    }

    document.querySelectorAll('[data-map-for]').forEach(function (el) {
        var list = document.getElementById(el.dataset.mapFor);
        if (!list) {
            return;
        }
        var map = baseMap(el);
        var bounds = [];
        list.querySelectorAll('[data-lat][data-lng]').forEach(function (item) {
            var at = point(item.dataset.lat, item.dataset.lng);
            if (!at) {
                return;
            }
            var marker = L.marker(at, { title: item.dataset.title, alt: item.dataset.title, keyboard: true }).addTo(map);
            var link = document.createElement('a');
            link.href = item.dataset.href;
            link.textContent = item.dataset.title;
            marker.bindPopup(link);
            bounds.push(at);
        });
        if (bounds.length > 0) {
            map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
        }
    });

    document.querySelectorAll('[data-map-picker]').forEach(function (el) {
        var lat = document.getElementById(el.dataset.latField);
        var lng = document.getElementById(el.dataset.lngField);
        if (!lat || !lng) {
            return;
        }
        var map = baseMap(el);
        var marker = null;
        function show(at, pan) {
            if (!at) {
                if (marker) {
                    map.removeLayer(marker);
                    marker = null;
                }
                return;
            }
            if (marker) {
                marker.setLatLng(at);
            } else {
                marker = L.marker(at, { alt: el.getAttribute('aria-label'), keyboard: false }).addTo(map);
            }
            if (pan) {
                map.setView(at, Math.max(map.getZoom(), 13));
            }
        }
        show(point(lat.value, lng.value), true);
        map.on('click', function (e) {
            lat.value = e.latlng.lat.toFixed(5);
            lng.value = e.latlng.lng.toFixed(5);
            show([e.latlng.lat, e.latlng.lng], false);
        });
        [lat, lng].forEach(function (field) {
            field.addEventListener('change', function () {
                show(point(lat.value, lng.value), true);
            });
        });
    });
}());
