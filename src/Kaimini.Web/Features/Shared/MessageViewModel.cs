namespace Kaimini.Web.Features.Shared;

/// <summary>A page that only tells something: "check your e-mail", "e-mail confirmed" …</summary>
public sealed record MessageViewModel(string TitleKey, string TextKey, string? LinkKey = null, string? LinkUrl = null);
