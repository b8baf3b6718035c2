using System.Text;
using System.Text.RegularExpressions;
using Kaimini.Tests.Infrastructure;

namespace Kaimini.Tests.Features;

/// <summary>Dependencies point one way. Between feature folders there are no circles (a feature that
/// needs another's piece either owns the concept or the piece moves to where both can use it),
/// <c>Features/Shared</c> needs no feature, and <c>Domain</c>, <c>Data</c> and <c>Infrastructure</c>
/// need no feature. Read from the sources (.cs and .cshtml), so views count too.</summary>
public partial class FeatureDependencyTests
{
    private static readonly string Web = RepositoryFiles.WebProject;
    private static readonly string FeaturesDir = Path.Combine(Web, "Features");

    [Fact]
    public void Feature_folders_use_each_other_without_circles()
    {
        var graph = FeatureGraph();
        var circles = StronglyConnected(graph.Keys, f => graph[f].Keys).Where(c => c.Count > 1).ToList();

        Assert.True(circles.Count == 0, "Feature folders in a circle:\n" + string.Join("\n", circles.Select(c =>
            string.Join(" ↔ ", c) + "\n" + string.Join("\n", c.SelectMany(a => graph[a].Where(e => c.Contains(e.Key))
                .Select(e => $"    {a} uses {e.Key} in {string.Join(", ", e.Value.Order())}"))))));
    }

    [Fact]
    public void Shared_uses_no_other_feature()
    {
        var uses = FeatureGraph()["Shared"];

        Assert.True(uses.Count == 0, "Features/Shared uses:\n" + string.Join("\n",
            uses.Select(e => $"    {e.Key} in {string.Join(", ", e.Value.Order())}")));
    }

    [Fact]
    public void Domain_data_and_infrastructure_use_no_feature()
    {
        var found = new[] { "Domain", "Data", "Infrastructure" }
            .SelectMany(layer => SourceFiles(Path.Combine(Web, layer)))
            .Where(file => !file.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(file => FeaturesNamespaceUse().Matches(Code(File.ReadAllText(file)))
                .Select(m => $"{Path.GetRelativePath(Web, file)}: {m.Value}"))
            .ToList();

        Assert.True(found.Count == 0, "Below Features, but using them:\n    " + string.Join("\n    ", found));
    }

    [Fact]
    public void The_reader_sees_a_circle()
    {
        // The reader itself must be able to fail: a made-up pair that use each other is one circle.
        var graph = new Dictionary<string, Dictionary<string, HashSet<string>>>
        {
            ["A"] = new() { ["B"] = ["A/X.cs"] },
            ["B"] = new() { ["C"] = ["B/Y.cs"] },
            ["C"] = new() { ["A"] = ["C/Z.cshtml"] },
            ["D"] = new() { ["A"] = ["D/W.cs"] },
        };

        var circles = StronglyConnected(graph.Keys, f => graph[f].Keys).Where(c => c.Count > 1).ToList();

        Assert.Equal(["A", "B", "C"], Assert.Single(circles).Order());
        Assert.Equal(["Events", "Shared"], Uses("Kaimini.Web.Features.AdminEvents", """
            using Kaimini.Web.Features.Events;
            // using Kaimini.Web.Features.Ideas;
            var x = "Kaimini.Web.Features.Ideas";
            return View("~/Features/Shared/ConfirmCancel.cshtml", new Shared.ConfirmCancelViewModel());
            """, ".cs", new Dictionary<string, HashSet<string>> { ["Shared"] = ["ConfirmCancelViewModel"], ["Ideas"] = ["IdeaCard"] }).Order());
    }

    /// <summary>For each feature folder, the other features it uses and the files that use them.</summary>
    private static Dictionary<string, Dictionary<string, HashSet<string>>> FeatureGraph()
    {
        var features = Directory.GetDirectories(FeaturesDir).Select(Path.GetFileName).OfType<string>().Order().ToList();
        // Types and sub-namespaces each feature declares: "Reports.SmallCells" inside Kaimini.Web.Features
        // names the Reports feature, "Model.Reports.Count" does not.
        var declared = features.ToDictionary(f => f, f => SourceFiles(Path.Combine(FeaturesDir, f))
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(file => TypeDeclaration().Matches(Code(File.ReadAllText(file))).Select(m => m.Groups[1].Value))
            .Concat(Directory.GetDirectories(Path.Combine(FeaturesDir, f)).Select(d => Path.GetFileName(d)!))
            .ToHashSet());
        // The root _ViewImports is imported by every view of every feature.
        var everyView = Path.Combine(FeaturesDir, "_ViewImports.cshtml");
        var graph = features.ToDictionary(f => f, _ => new Dictionary<string, HashSet<string>>());
        foreach (var feature in features)
        {
            var files = SourceFiles(Path.Combine(FeaturesDir, feature)).Append(everyView).Where(File.Exists);
            foreach (var file in files)
            {
                var ns = "Kaimini.Web.Features." + feature;
                foreach (var used in Uses(ns, File.ReadAllText(file), Path.GetExtension(file), declared))
                {
                    if (used != feature && graph.ContainsKey(used))
                    {
                        (graph[feature].TryGetValue(used, out var where) ? where : graph[feature][used] = [])
                            .Add(Path.GetRelativePath(FeaturesDir, file).Replace('\\', '/'));
                    }
                }
            }
        }

        return graph;
    }

    /// <summary>The features one file uses: namespaces (using, fully qualified, <c>@model</c>, <c>@using</c>),
    /// view paths (<c>/Features/Ideas/_IdeaCard.cshtml</c>) and, in C#, names qualified from the
    /// Features namespace (<c>Shared.ConfirmCancelViewModel</c>).</summary>
    private static IEnumerable<string> Uses(string ns, string source, string extension, IReadOnlyDictionary<string, HashSet<string>> declared)
    {
        var code = extension == ".cs" ? Code(source) : RazorComment().Replace(source, "");
        var withStrings = extension == ".cs" ? Code(source, keepStrings: true) : code;
        var used = FeaturesNamespaceUse().Matches(code).Select(m => m.Groups[1].Value)
            .Concat(ViewPath().Matches(withStrings).Select(m => m.Groups[1].Value));
        if (extension == ".cs" && ns.StartsWith("Kaimini.Web.Features", StringComparison.Ordinal))
        {
            used = used.Concat(QualifiedName().Matches(code)
                .Where(m => declared.TryGetValue(m.Groups[1].Value, out var names) && names.Contains(m.Groups[2].Value))
                .Select(m => m.Groups[1].Value));
        }

        return used.Distinct();
    }

    /// <summary>C# without comments and, unless <paramref name="keepStrings"/>, without the contents
    /// of string and character literals.</summary>
    private static string Code(string source, bool keepStrings = false)
    {
        var code = new StringBuilder(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            var next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }

                code.Append('\n');
            }
            else if (c == '/' && next == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? source.Length : end + 1;
                code.Append(' ');
            }
            else if (c == '"' || c == '\'')
            {
                var end = EndOfLiteral(source, i);
                code.Append(keepStrings ? source[i..Math.Min(end + 1, source.Length)] : "\"\"");
                i = end;
            }
            else
            {
                code.Append(c);
            }
        }

        return code.ToString();
    }

    /// <summary>The index of the last character of the string or character literal that starts at
    /// <paramref name="start"/> (its opening quote; a <c>@</c> or <c>$</c> before it says its kind).</summary>
    private static int EndOfLiteral(string source, int start)
    {
        var quote = source[start];
        var quotes = 0;
        while (quote == '"' && start + quotes < source.Length && source[start + quotes] == '"')
        {
            quotes++;
        }

        if (quotes >= 3)
        {
            var close = source.IndexOf(new string('"', quotes), start + quotes, StringComparison.Ordinal);
            return close < 0 ? source.Length : close + quotes - 1;
        }

        var verbatim = start > 0 && (source[start - 1] == '@' || (start > 1 && source[start - 1] == '$' && source[start - 2] == '@'));
        for (var i = start + 1; i < source.Length; i++)
        {
            if (source[i] == quote && verbatim && i + 1 < source.Length && source[i + 1] == quote)
            {
                i++;
            }
            else if (source[i] == '\\' && !verbatim)
            {
                i++;
            }
            else if (source[i] == quote || (source[i] == '\n' && !verbatim))
            {
                return i;
            }
        }

        return source.Length;
    }

    private static IEnumerable<string> SourceFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    /// <summary>Tarjan's strongly connected components: each is a circle (or one node in none).</summary>
    private static List<List<string>> StronglyConnected(IEnumerable<string> nodes, Func<string, IEnumerable<string>> next)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<List<string>>();

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in next(v))
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (stack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    component.Add(w);
                }
                while (w != v);
                components.Add([.. component.Order()]);
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return components;
    }

    [GeneratedRegex(@"(?<![\w.])(?:Kaimini\.Web\.)?Features\.(\w+)")]
    private static partial Regex FeaturesNamespaceUse();

    [GeneratedRegex(@"/Features/(\w+)/")]
    private static partial Regex ViewPath();

    [GeneratedRegex(@"(?<![\w.])(\w+)\.(\w+)")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();
}
