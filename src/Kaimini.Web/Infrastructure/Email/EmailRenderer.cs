using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Kaimini.Web.Infrastructure.Email;

/// <summary>Renders a message's two Razor views to strings with the portal's view engine. It needs
/// no request: the views run in an <see cref="ActionContext"/> of their own whose services are the
/// caller's scope, so background jobs (reminders, the digest) render as requests do.</summary>
public sealed class EmailRenderer(IRazorViewEngine engine, ITempDataProvider tempData, IModelMetadataProvider metadata, IServiceProvider services)
{
    /// <summary>The views of a message type: its namespace names its folder (<c>Kaimini.Web.Features.Events.Emails</c>
    /// → <c>/Features/Events/Emails/</c>) and its name the file.</summary>
    public static string ViewPath(Type model)
    {
        const string root = "Kaimini.Web.";
        var ns = model.Namespace ?? "";
        if (!ns.StartsWith(root, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{model} is not in the portal's namespace, so its views cannot be found.");
        }

        return $"/{ns[root.Length..].Replace('.', '/')}/{model.Name}";
    }

    /// <summary>Subject (the HTML view's title), HTML body and text body, in the current culture.</summary>
    public async Task<RenderedEmail> RenderAsync(EmailModel model, EmailFrame frame)
    {
        var path = ViewPath(model.GetType());
        var (html, subject) = await RenderViewAsync($"{path}.cshtml", model, frame);
        var (text, _) = await RenderViewAsync($"{path}.text.cshtml", model, frame);
        if (string.IsNullOrWhiteSpace(subject))
        {
            throw new InvalidOperationException($"{path}.cshtml sets no subject (ViewData[\"Title\"]).");
        }

        return new RenderedEmail(subject, html, text.ReplaceLineEndings("\n").Trim() + "\n");
    }

    private async Task<(string Output, string? Title)> RenderViewAsync(string path, EmailModel model, EmailFrame frame)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var found = engine.GetView(executingFilePath: null, viewPath: path, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"No e-mail view {path}; looked in {string.Join(", ", found.SearchedLocations)}.");
        }

        var viewData = new ViewDataDictionary(metadata, new ModelStateDictionary()) { Model = model };
        viewData[nameof(EmailFrame)] = frame;
        await using var writer = new StringWriter();
        var context = new ViewContext(action, found.View, viewData, new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        // The page gets view data typed for its model (a copy): read the title from the context's.
        return (writer.ToString(), context.ViewData["Title"] as string);
    }
}

public sealed record RenderedEmail(string Subject, string Html, string Text);
