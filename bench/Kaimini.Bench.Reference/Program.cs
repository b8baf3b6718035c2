using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Npgsql;

// The least a page on this stack can do: one query for 20 rows over the portal's own database, its
// names written into a small HTML list. `./kaimini bench` measures it in the same run as the portal's
// pages, with the same wrk settings and connection string, and compares each page with it.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connectionString = builder.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");
builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));

var app = builder.Build();
var html = HtmlEncoder.Create(UnicodeRanges.All);

app.MapGet("/", async (NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
{
    var page = new StringBuilder("<!DOCTYPE html><html lang=\"lv\"><head><meta charset=\"utf-8\"><title>Kopienas</title></head><body><main><h1>Kopienas</h1><ul>");
    await using (var command = db.CreateCommand(
        "SELECT slug, name, short_description FROM communities WHERE status = 'Published' ORDER BY name LIMIT 20"))
    await using (var reader = await command.ExecuteReaderAsync(ct))
    {
        while (await reader.ReadAsync(ct))
        {
            page.Append("<li><a href=\"/communities/").Append(html.Encode(reader.GetString(0))).Append("\">")
                .Append(html.Encode(reader.GetString(1))).Append("</a> ").Append(html.Encode(reader.GetString(2))).Append("</li>");
        }
    }

    page.Append("</ul></main></body></html>");
    http.Response.ContentType = "text/html; charset=utf-8";
    await http.Response.WriteAsync(page.ToString(), ct);
});

app.Run();
