namespace Kaimini.Web.Features.Shared;

/// <summary>"Are you sure?" before a cancellation that cannot be undone (<c>ConfirmCancel</c>): what
/// is cancelled, the question, the button that posts to <paramref name="Action"/>, and the way back.
/// Works without JavaScript: the page is a GET, the button a POST.</summary>
public sealed record ConfirmCancelViewModel(string Title, IReadOnlyList<(string Label, string Value)> Details, string Question,
    string Action, string Submit, string BackUrl, string Back);
