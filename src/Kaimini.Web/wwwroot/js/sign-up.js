// The sign-up form's organisation field ([data-ngo-only]) is for NGO representatives: hidden while
// another participant type is chosen. Without script it stays visible, and the server asks for it
// only from NGO representatives.
document.querySelectorAll('select[data-ngo-toggle]').forEach(function (select) {
    var field = document.getElementById(select.getAttribute('data-ngo-toggle'));
    if (!field) {
        return;
    }
    var update = function () { field.hidden = select.value !== 'NgoRepresentative'; };
    select.addEventListener('change', update);
    update();
});
