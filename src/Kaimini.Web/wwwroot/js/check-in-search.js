// The check-in page's search narrows the list of names as one types. Without script the search
// form's button does the same on the server (names that don't match come hidden).
document.querySelectorAll('[data-check-in-search]').forEach(function (form) {
    var input = form.querySelector('input[type=search]');
    var list = document.querySelector('[data-list=registered]');
    var status = document.querySelector('[data-check-in-shown]');
    if (!input || !list || !status) {
        return;
    }
    // As the server folds names (SearchText.Fold): lowercase, no diacritics, other characters a space.
    function fold(text) {
        return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    }
    input.addEventListener('input', function () {
        var q = fold(input.value);
        var shown = 0;
        list.querySelectorAll('li[data-name]').forEach(function (li) {
            var match = q === '' || li.getAttribute('data-name').indexOf(q) >= 0;
            li.hidden = !match;
            if (match) {
                shown++;
            }
        });
        status.textContent = q === '' ? '' : status.getAttribute('data-template').replace('{0}', shown);
    });
});
