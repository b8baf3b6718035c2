using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Cooperation.Emails;

/// <summary>A message relayed through the board: an answer to a community's post (to its leaders),
/// or a leader's reply (to whoever answered). It names the sender but carries no address of theirs:
/// the link opens the portal, where the recipient writes back.</summary>
public sealed record CooperationMessageEmail(string PostTitle, string Community, string SenderName, string Message, string Link, bool IsReply) : EmailModel;
