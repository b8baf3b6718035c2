using System.Net.Mail;
using MimeKit;

namespace Kaimini.Web.Infrastructure.Email;

/// <summary>Reads a pasted list of addresses: one or more per line, separated by commas or
/// semicolons, bare or as mail programs copy them ("Anna Ozola" &lt;anna@example.lv&gt;). Blank lines
/// are skipped; every other entry is either a valid new address or a rejected one with its line
/// number and reason.</summary>
public static class EmailListParser
{
    public static (List<string> Valid, List<RejectedLine> Rejected) Parse(string text)
    {
        var valid = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rejected = new List<RejectedLine>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            foreach (var (entry, address) in Entries(line))
            {
                if (address is null || !IsAddress(address))
                {
                    rejected.Add(new RejectedLine(i + 1, entry, "Invite.Reject.Invalid"));
                }
                else if (!seen.Add(address))
                {
                    rejected.Add(new RejectedLine(i + 1, entry, "Invite.Reject.Duplicate"));
                }
                else
                {
                    valid.Add(address.ToLowerInvariant());
                }
            }
        }

        return (valid, rejected);
    }

    /// <summary>A line as mail programs write address lists; anything MimeKit cannot read is one
    /// entry without an address.</summary>
    private static IEnumerable<(string Entry, string? Address)> Entries(string line)
    {
        if (InternetAddressList.TryParse(line.Replace(';', ','), out var list) && list.Count > 0 && list.All(a => a is MailboxAddress))
        {
            return list.Mailboxes.Select(m => (m.ToString(), (string?)m.Address));
        }

        return line.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => (part, (string?)null));
    }

    /// <summary>A bare address with a dot in the domain, as people type them.</summary>
    public static bool IsAddress(string text) =>
        text.Length <= 254
        && MailAddress.TryCreate(text, out var address)
        && address.Address == text
        && address.Host.Contains('.')
        && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');
}

/// <summary>A line of the pasted list that was not queued, and why.</summary>
public sealed record RejectedLine(int Line, string Text, string ReasonKey);
