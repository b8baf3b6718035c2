namespace Kaimini.Web.Domain;

/// <summary>Something named in both languages (a theme, a forum's group): both names are required.</summary>
public interface ILocalName
{
    string NameLv { get; }

    string NameEn { get; }
}

/// <summary>The one rule for choosing between a Latvian and an English text: English in the English
/// interface, Latvian in any other. Where the English text is optional (an event's title, a
/// community's description) the Latvian one stands in for a missing English one.</summary>
public static class LocalName
{
    /// <summary>The two-letter culture of the English interface; Latvian is the default.</summary>
    public const string English = "en";

    /// <summary>The name for the interface language: both names exist.</summary>
    public static string For(string culture, string lv, string en) => culture == English ? en : lv;

    public static string NameFor(this ILocalName thing, string culture) => For(culture, thing.NameLv, thing.NameEn);

    /// <summary>The English text is shown: the interface is English and there is one.</summary>
    public static bool ShowsEnglish(string culture, string? en) => culture == English && !string.IsNullOrWhiteSpace(en);

    /// <summary>A text whose English version is optional: the English one when it is shown, else the Latvian.</summary>
    public static string TextFor(string culture, string lv, string? en) => ShowsEnglish(culture, en) ? en! : lv;
}
