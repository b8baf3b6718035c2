using MimeKit;

namespace Kaimini.Web.Infrastructure.Email;

public interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
