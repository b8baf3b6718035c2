// "Print" buttons ([data-print]) are hidden until this runs: without script they would do nothing.
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
});
