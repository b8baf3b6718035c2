using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Kaimini.Web.Infrastructure.Email;

/// <summary>What the shared e-mail layouts need besides the message: whom it greets, its language
/// and, for non-essential mail, the unsubscribe link. Handed to the layouts in the view data.</summary>
public sealed record EmailFrame(string RecipientName, string Culture, string? UnsubscribeUrl)
{
    public static EmailFrame Of(ViewDataDictionary viewData) =>
        viewData[nameof(EmailFrame)] as EmailFrame ?? throw new InvalidOperationException("An e-mail view was rendered without its frame.");
}

/// <summary>The layouts e-mail views set (the portal's <c>_ViewStart</c> would give them the page layout).</summary>
public static class EmailLayout
{
    public const string Html = "/Features/Shared/Emails/_EmailLayout.cshtml";
    public const string Text = "/Features/Shared/Emails/_EmailLayout.text.cshtml";
}
