using System.Text.RegularExpressions;
using System.Xml.Linq;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;

namespace Kaimini.Tests.Localization;

/// <summary>Every string the portal shows must exist in Latvian and in English.</summary>
public partial class ResourceTests
{
    private static readonly string ResourceDir = Path.Combine(RepositoryFiles.WebProject, "Resources");

    private static Dictionary<string, string> Load(string culture) =>
        XDocument.Load(Path.Combine(ResourceDir, $"SharedResource.{culture}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void Latvian_and_English_have_the_same_keys_and_no_empty_text()
    {
        var lv = Load("lv");
        var en = Load("en");

        Assert.Empty(lv.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(lv.Keys));
        Assert.Empty(lv.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key));
        Assert.Empty(en.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key));
    }

    [Fact]
    public void Latvian_and_English_texts_name_the_same_values()
    {
        var lv = Load("lv");
        var en = Load("en");

        // A language may leave a value out (the Latvian greeting has no name), but two languages that
        // each name one the other lacks have a typo: that mail would throw.
        var differing = lv.Keys.Intersect(en.Keys)
            .Where(k => !NamedValues(lv[k]).IsSubsetOf(NamedValues(en[k])) && !NamedValues(en[k]).IsSubsetOf(NamedValues(lv[k])))
            .Order().ToList();
        Assert.True(differing.Count == 0, "Named values differ in: " + string.Join(", ", differing));
        Assert.Empty(lv.Where(p => p.Key.StartsWith("Email.", StringComparison.Ordinal) && PositionalValue().IsMatch(p.Value)).Select(p => p.Key));
    }

    private static HashSet<string> NamedValues(string text) =>
        NamedValue().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    [Fact]
    public void Every_key_the_code_uses_has_a_translation()
    {
        var known = Load("lv").Keys.Intersect(Load("en").Keys).ToHashSet();
        var prefixes = known.Select(k => k.Split('.')[0]).ToHashSet();
        var used = new HashSet<string>();
        var files = Directory.EnumerateFiles(RepositoryFiles.WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".cshtml"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}"));
        foreach (var file in files)
        {
            foreach (Match m in KeyLiteral().Matches(File.ReadAllText(file)))
            {
                var key = m.Groups[1].Value;
                if (prefixes.Contains(key.Split('.')[0]))
                {
                    used.Add(key);
                }
            }
        }

        // Keys built at run time.
        used.UnionWith(Enum.GetNames<TerritoryKind>().Select(k => $"TerritoryKind.{k}"));
        used.UnionWith(new[] { "400", "403", "404", "429", "500", "503" }.SelectMany(c => new[] { $"Error.{c}.Title", $"Error.{c}.Text" }));
        used.UnionWith(Cultures.All.Select(c => $"Language.{c}"));
        // Count(key, n) looks up key.None, key.One and key.Other.
        foreach (Match m in CountCall().Matches(string.Join("\n", files.Select(File.ReadAllText))))
        {
            used.UnionWith(new[] { "None", "One", "Other" }.Select(s => $"{m.Groups[1].Value}.{s}"));
        }

        var missing = used.Where(k => !known.Contains(k) && !IsCountStem(k, known)).Order().ToList();
        Assert.True(missing.Count == 0, "Keys without a translation: " + string.Join(", ", missing));
        Assert.True(used.Count > 100, $"Only {used.Count} keys found: the scan is broken.");
    }

    private static bool IsCountStem(string key, HashSet<string> known) => known.Contains($"{key}.One");

    // Not an HTML name="Prefix.Field" attribute: those are form fields, not texts.
    [GeneratedRegex("(?<!name=)\"([A-Z][A-Za-z]+(?:\\.[A-Za-z0-9]+)+)\"")]
    private static partial Regex KeyLiteral();

    // {title} or {starts:dd.MM.yyyy}: the name, without the format (each language has its own).
    [GeneratedRegex("\\{([a-z][A-Za-z]*)(?::[^{}]+)?\\}")]
    private static partial Regex NamedValue();

    [GeneratedRegex("\\{[0-9]")]
    private static partial Regex PositionalValue();

    [GeneratedRegex("\\.Count\\(\"([A-Za-z.]+)\"")]
    private static partial Regex CountCall();
}
