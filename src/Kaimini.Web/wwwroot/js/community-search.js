// The event form's community search: Enter in the search field searches (the "search" button)
// instead of saving the whole form. Without script Enter saves, and an unresolved name comes back
// with the same list of matches, so nothing depends on this.
document.querySelectorAll('[data-community-search]').forEach(function (box) {
    var input = box.querySelector('input');
    var button = box.querySelector('[data-community-find]');
    if (!input || !button) {
        return;
    }
    input.addEventListener('keydown', function (e) {
        if (e.key === 'Enter') {
            e.preventDefault();
            button.click();
        }
    });
});
