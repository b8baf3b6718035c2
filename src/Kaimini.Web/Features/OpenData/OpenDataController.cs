using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Text;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.OpenData;

/// <summary>/communities.csv and /communities.json: every published community, streamed.</summary>
public class OpenDataController(AppDbContext db, ReferenceCache reference, PublicUrls urls) : Controller
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // A file, never embedded in HTML: Latvian letters stay readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Semicolon-separated with a UTF-8 byte-order mark: Excel with Latvian regional
    /// settings opens it in columns with ā, č, ķ … intact.</summary>
    [HttpGet("/communities.csv")]
    public async Task Csv(CancellationToken ct)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"kaimini-kopienas.csv\"";
        await using var writer = new StreamWriter(Response.Body, SpreadsheetCsv.Encoding);
        // Cells that start with = + - @ are escaped: a spreadsheet must not run what someone typed.
        await using var csv = new CsvWriter(writer, SpreadsheetCsv.Configuration(CultureInfo.InvariantCulture));
        csv.Context.TypeConverterOptionsCache.GetOptions<DateTimeOffset?>().Formats = ["yyyy-MM-dd HH:mm:ss'Z'"];
        csv.WriteHeader<OpenCommunity>();
        await csv.NextRecordAsync();
        await foreach (var row in RowsAsync(ct))
        {
            csv.WriteRecord(row);
            await csv.NextRecordAsync();
        }
    }

    [HttpGet("/communities.json")]
    public async Task JsonList(CancellationToken ct)
    {
        Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(Response.Body, RowsAsync(ct), JsonOptions, ct);
    }

    private async IAsyncEnumerable<OpenCommunity> RowsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var rows = db.Communities.AsNoTracking()
            .Where(c => c.Status == CommunityStatus.Published)
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Slug,
                c.Name,
                c.LegalForm,
                c.RegistrationNumber,
                c.TerritoryId,
                c.ParishId,
                c.NovadsId,
                c.FormerNovadsId,
                ThemeIds = c.Themes.Select(t => t.Id).ToList(),
                c.FoundedYear,
                c.Website,
                c.Phone,
                c.Street,
                c.PostalCode,
                c.Verified,
                c.ShortDescription,
                c.PublishedAt,
            })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
        {
            yield return new OpenCommunity(
                c.Name,
                urls.Absolute(Links.Communities.Show(c.Slug)),
                c.LegalForm.ToString(),
                c.RegistrationNumber,
                refData.TerritoryById[c.TerritoryId].Name,
                c.ParishId is { } p ? refData.TerritoryById[p].Name : null,
                refData.TerritoryById[c.NovadsId].Name,
                c.FormerNovadsId is { } f ? refData.TerritoryById[f].Name : null,
                string.Join(",", c.ThemeIds.Select(id => refData.ThemeById[id]).OrderBy(t => t.Id).Select(t => t.Slug)),
                c.FoundedYear, c.Website,
                // A legal entity's contacts are public in the register; an informal group's phone and
                // street are usually a person's own.
                IsLegalEntity(c.LegalForm, c.RegistrationNumber) ? c.Phone : null,
                IsLegalEntity(c.LegalForm, c.RegistrationNumber) ? c.Street : null,
                c.PostalCode, c.Verified, c.ShortDescription, c.PublishedAt?.ToUniversalTime());
        }
    }

    private static bool IsLegalEntity(LegalForm form, string? registrationNumber) => form.IsRegistered() || registrationNumber is not null;
}
