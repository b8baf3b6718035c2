using MailKit.Security;

namespace Kaimini.Web.Infrastructure.Email;

public class EmailOptions
{
    public const string Section = "Email";

    public string FromAddress { get; set; } = "kaimini@localhost";
    public string FromName { get; set; } = "Kaimiņi";

    /// <summary>Where messages are written as .eml files when no SMTP host is set.</summary>
    public string PickupDirectory { get; set; } = "mail";

    public SmtpOptions Smtp { get; set; } = new();
}

public class SmtpOptions
{
    /// <summary>Empty: no SMTP; messages go to the pickup directory instead.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}
