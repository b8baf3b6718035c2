using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kaimini.Web.Features.DevMail;

/// <summary>In Development, the messages written to the pickup directory, for administrators.</summary>
[Route("dev/mail")]
[Authorize(Policy = Policies.Administrator)]
public class DevMailController(IOptions<EmailOptions> options, IWebHostEnvironment env) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!env.IsDevelopment())
        {
            return NotFound();
        }

        var directory = new DirectoryInfo(MailKitEmailSender.PickupDirectory(options.Value, env));
        var files = directory.Exists
            ? directory.GetFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal).Take(PageSize).ToList()
            : [];
        var items = new List<DevMailItem>(files.Count);
        foreach (var file in files)
        {
            var message = await MimeMessage.LoadAsync(file.FullName, ct);
            items.Add(new DevMailItem(Path.GetFileNameWithoutExtension(file.Name), message.Date, message.To.ToString(), message.Subject ?? ""));
        }

        return View(new DevMailListViewModel(directory.FullName, items));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Show(string id, CancellationToken ct)
    {
        var directory = MailKitEmailSender.PickupDirectory(options.Value, env);
        var path = Path.Combine(directory, id + ".eml");
        // The id names a file: only the pickup directory's own file names are accepted.
        if (!env.IsDevelopment() || id.IndexOfAny(['/', '\\', '.']) >= 0 || !System.IO.File.Exists(path))
        {
            return NotFound();
        }

        var message = await MimeMessage.LoadAsync(path, ct);
        return View(new DevMailViewModel(message.Date, message.From.ToString(), message.To.ToString(), message.Subject ?? "",
            message.Headers.Where(h => h.Id is HeaderId.ContentLanguage or HeaderId.MessageId).Select(h => $"{h.Field}: {h.Value}").ToList(),
            message.TextBody ?? ""));
    }
}
