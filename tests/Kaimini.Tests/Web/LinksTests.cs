using System.Reflection;
using System.Text.RegularExpressions;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Web;

/// <summary>One way to build a link: every path comes from <see cref="Links"/>, and every path
/// there reaches a routed action.</summary>
public partial class LinksTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public void Every_link_reaches_a_routed_action()
    {
        var templates = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null && e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .Select(e => new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!.TrimStart('/')), new RouteValueDictionary()))
            .ToList();
        Assert.DoesNotContain(templates, t => t.TryMatch(new PathString("/nav-tadas/lapas"), new RouteValueDictionary()));
        var links = LinksOf(typeof(Links)).ToList();
        Assert.True(links.Count > 100, $"only {links.Count} links found");

        var unrouted = links.Where(l => !templates.Any(t => t.TryMatch(new PathString(PathOf(l.Path)), new RouteValueDictionary())))
            .Select(l => $"{l.Member} → {l.Path}")
            .ToList();

        Assert.True(unrouted.Count == 0, "links that reach no action:\n" + string.Join("\n", unrouted));
    }

    [Fact]
    public void Segments_and_query_values_are_escaped()
    {
        Assert.Equal("/events/a%2Fb%3Fc", Links.Events.Show("a/b?c"));
        Assert.Equal("/account/login?returnUrl=%2Fideas%2F5", Links.Account.Login(Links.Ideas.Show(5)));
        Assert.Equal("/ideas/new?forum=f&group=3", Links.Ideas.New("f", 3));
        Assert.Equal("/ideas/new", Links.Ideas.New());
        Assert.Equal("/admin/events/x/check-in?q=a#r-1", Links.AdminEvents.CheckIn("x", "?q=a", "r-1"));
    }

    /// <summary>Views, controllers and services write no path of their own: no literal
    /// <c>href="/…"</c> or <c>action="/…"</c>, no <c>Redirect("/…")</c> or <c>Absolute("/…")</c>, and
    /// no route generation by action name (which a renamed action breaks only at run time).</summary>
    [Fact]
    public void No_path_is_written_outside_Links()
    {
        var root = RepositoryFiles.WebProject;
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "Features"), "*.*", SearchOption.AllDirectories)
                     .Concat(new[] { "Infrastructure", "Data", "Domain" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))))
        {
            var pattern = Path.GetExtension(file) switch
            {
                ".cshtml" => ViewPath(),
                ".cs" => CodePath(),
                _ => null,
            };
            if (pattern is null || file.EndsWith($"{Path.DirectorySeparatorChar}Links.cs", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (pattern.IsMatch(lines[i]))
                {
                    found.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(found.Count == 0, "paths written outside Links:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_check_finds_a_written_path()
    {
        Assert.Matches(ViewPath(), """<a href="/events/@e.Slug">""");
        Assert.Matches(ViewPath(), """<form method="post" asp-action="Retry">""");
        Assert.Matches(CodePath(), """return Redirect($"/ideas/{id}");""");
        Assert.Matches(CodePath(), """return RedirectToAction(nameof(Index));""");
        Assert.Matches(CodePath(), """urls.Absolute("/account/forgot-password")""");
        Assert.DoesNotMatch(ViewPath(), """<link rel="stylesheet" href="~/lib/bootstrap.min.css">""");
        Assert.DoesNotMatch(ViewPath(), """<a href="https://www.pierigaspartneriba.lv/">""");
        Assert.Matches(CodePath(), """return ($"/events?former={territory.Slug}", "/ideas");""");
        Assert.DoesNotMatch(CodePath(), """[HttpGet("/rezultati")]""");
        Assert.DoesNotMatch(CodePath(), """app.MapHealthChecks("/health/live");""");
    }

    [GeneratedRegex("""\b(href|action|formaction)="/(?!/)|asp-(action|controller|route)\b|Url\.(Action|RouteUrl)\(""")]
    private static partial Regex ViewPath();

    /// <summary>A string that starts with a path, except where it declares a route rather than links
    /// to one (route attributes, the error and health endpoints, a middleware's path test).</summary>
    [GeneratedRegex("""^(?!.*(\[(Http\w+|Route)\(|Map\w*\(|UseStatusCodePages|ExceptionHandlingPath|StartsWithSegments\()).*"/[a-z]|RedirectTo(Action|Route)\(|Url\.(Action|RouteUrl)\(""")]
    private static partial Regex CodePath();

    private static string PathOf(string link) => link.Split('?', '#')[0];

    /// <summary>Each constant and each method of Links and its nested classes, with sample values.</summary>
    private static IEnumerable<(string Member, string Path)> LinksOf(Type type)
    {
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
        {
            yield return ($"{type.Name}.{field.Name}", (string)field.GetRawConstantValue()!);
        }

        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(string)))
        {
            var args = method.GetParameters().Select(p => Sample(p)).ToArray();
            yield return ($"{type.Name}.{method.Name}", (string)method.Invoke(null, args)!);
        }

        foreach (var nested in type.GetNestedTypes(BindingFlags.Public))
        {
            foreach (var link in LinksOf(nested))
            {
                yield return link;
            }
        }
    }

    private static object? Sample(ParameterInfo p) => p.ParameterType switch
    {
        var t when t == typeof(int) || t == typeof(int?) => 7,
        var t when t == typeof(Guid) => Guid.NewGuid(),
        var t when t == typeof(bool) => true,
        var t when t == typeof(string) && p.Name == "query" => "?a=1",
        var t when t == typeof(string) && p.Name == "fragment" => "r-1",
        var t when t == typeof(string) && p.Name == "returnUrl" => "/ideas",
        var t when t == typeof(string) => "parauga-vertiba",
        var t => throw new InvalidOperationException($"no sample for {t.Name} {p.Name}"),
    };
}
