using System.Net.Mail;

namespace Kaimini.Web.Features.AdminInvitations;

/// <summary>Reads a pasted list of addresses, one per line: blank lines are skipped, every other
/// line is either a valid new address or a rejected line with its number and reason.</summary>
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
            var line = lines[i].Trim().TrimEnd(',', ';');
            if (line.Length == 0)
            {
                continue;
            }

            if (!IsAddress(line))
            {
                rejected.Add(new RejectedLine(i + 1, line, "Invite.Reject.Invalid"));
            }
            else if (!seen.Add(line))
            {
                rejected.Add(new RejectedLine(i + 1, line, "Invite.Reject.Duplicate"));
            }
            else
            {
                valid.Add(line.ToLowerInvariant());
            }
        }

        return (valid, rejected);
    }

    /// <summary>A bare address (no display name), with a dot in the domain, as people paste them.</summary>
    public static bool IsAddress(string text) =>
        text.Length <= 254
        && MailAddress.TryCreate(text, out var address)
        && address.Address == text
        && address.Host.Contains('.')
        && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');
}
