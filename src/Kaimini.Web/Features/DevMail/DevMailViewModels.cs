namespace Kaimini.Web.Features.DevMail;

public sealed record DevMailItem(string Id, DateTimeOffset Date, string To, string Subject);

public sealed record DevMailListViewModel(string Directory, IReadOnlyList<DevMailItem> Messages);

public sealed record DevMailViewModel(DateTimeOffset Date, string From, string To, string Subject, IReadOnlyList<string> Headers, string TextBody);
