using System.Net;
using System.Net.Http.Headers;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Kaimini.Tests.Infrastructure.Browsing;

/// <summary>Uses the portal as a browser without JavaScript would: GET a page, fill its form,
/// POST it with the antiforgery token the form carries, follow the redirect. Cookies are kept.</summary>
public sealed class PageClient : IDisposable
{
    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);

    public PageClient(HttpClient http, string? culture)
    {
        Http = http;
        if (culture is not null)
        {
            Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(culture));
        }
    }

    public HttpClient Http { get; }

    /// <summary>GETs a page that must answer 200 and parses it.</summary>
    public async Task<IDocument> GetAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        var document = await ParseAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"GET {url} answered {(int)response.StatusCode}: {document.QuerySelector("h1")?.TextContent}");
        return document;
    }

    /// <summary>Fills the form (by CSS selector) with the given values over the ones it has, and
    /// posts it to its action (or to <paramref name="path"/>), hidden fields and antiforgery token included.</summary>
    public Task<HttpResponseMessage> SubmitAsync(IDocument page, string formSelector, IDictionary<string, string> values, string? path = null) =>
        SubmitAsync(page, page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}: {page.Title}"), values, path);

    public async Task<HttpResponseMessage> SubmitAsync(IDocument page, IHtmlFormElement form, IDictionary<string, string> values, string? path = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(element.Name) || values.ContainsKey(element.Name))
            {
                continue;
            }

            if (element.Type is "checkbox" or "radio" && !element.IsChecked)
            {
                continue;
            }

            fields.Add(new(element.Name, element.Value));
        }

        // As a browser does: a select sends its selected options (or its first), a textarea its text.
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(e => !string.IsNullOrEmpty(e.Name) && !values.ContainsKey(e.Name!)))
        {
            var chosen = select.Options.Where(o => o.IsSelected).ToList();
            foreach (var option in chosen.Count > 0 || select.IsMultiple ? chosen : select.Options.Take(1))
            {
                fields.Add(new(select.Name!, option.Value));
            }
        }

        foreach (var area in form.Elements.OfType<IHtmlTextAreaElement>().Where(e => !string.IsNullOrEmpty(e.Name) && !values.ContainsKey(e.Name!)))
        {
            fields.Add(new(area.Name!, area.Value));
        }

        foreach (var (name, value) in values)
        {
            Assert.True(form.Elements.Any(e => e.GetAttribute("name") == name), $"The form has no field '{name}'.");
            fields.Add(new(name, value));
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.Action;
        return await Http.PostAsync(path ?? new Uri(action).PathAndQuery, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts the form (by CSS selector) as multipart/form-data, as a browser does for a file
    /// upload: its hidden fields (the antiforgery token) and the file in <paramref name="fileField"/>.</summary>
    public async Task<HttpResponseMessage> SubmitFileAsync(IDocument page, string formSelector, string fileField, string fileName, byte[] content,
        string contentType = "text/csv")
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}: {page.Title}");
        Assert.True(form.Elements.OfType<IHtmlInputElement>().Any(e => e.Name == fileField && e.Type == "file"), $"The form has no file field '{fileField}'.");
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(e => e.Type == "hidden" && !string.IsNullOrEmpty(e.Name)))
        {
            body.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        body.Add(file, fileField, fileName);
        return await Http.PostAsync(new Uri(form.Action).PathAndQuery, body);
    }

    /// <summary>Submits and expects the same page back with validation errors (status 200).</summary>
    public async Task<IDocument> SubmitExpectingPageAsync(IDocument page, string formSelector, IDictionary<string, string> values)
    {
        using var response = await SubmitAsync(page, formSelector, values);
        var document = await ParseAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected a page, got {(int)response.StatusCode} {response.Headers.Location}");
        return document;
    }

    /// <summary>Submits, expects a redirect and returns the page it leads to.</summary>
    public async Task<IDocument> SubmitAndFollowAsync(IDocument page, string formSelector, IDictionary<string, string> values)
    {
        using var response = await SubmitAsync(page, formSelector, values);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
        {
            var shown = await ParseAsync(response);
            Assert.Fail($"Expected a redirect, got {(int)response.StatusCode}: {shown.QuerySelector("h1")?.TextContent} "
                + $"{shown.QuerySelector("[role=alert]")?.TextContent.Trim()}");
        }

        return await GetAsync(response.Headers.Location!.OriginalString);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var url = response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/";
        return await Parser.OpenAsync(r => r.Content(html).Address(url));
    }

    public void Dispose() => Http.Dispose();
}
