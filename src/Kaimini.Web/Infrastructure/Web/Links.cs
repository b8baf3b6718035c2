using Microsoft.AspNetCore.WebUtilities;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>
/// Every path of the portal that a view, a redirect or an e-mail links to, built in one place: a
/// path is never a literal somewhere else (<c>LinksTests</c> checks the views and controllers, and
/// that each path here reaches a routed action). Segments and query values are escaped here;
/// e-mails make them absolute with <see cref="PublicUrls.Absolute"/>.
/// </summary>
public static class Links
{
    public const string Home = "/";
    public const string Leaders = "/leaders";
    public const string Results = "/rezultati";
    public const string PrivacyNotice = "/privatums";
    public const string AccessibilityStatement = "/pieejamiba";

    public static string Language(string culture, string returnUrl) =>
        Query($"/language/{Seg(culture)}", ("returnUrl", returnUrl));

    public static class Territories
    {
        public const string Index = "/territories";
        public static string Show(string slug) => $"/territories/{Seg(slug)}";

        /// <summary>The Atom feed of news and events in a novads, former novads, town or parish.</summary>
        public static string Feed(string slug) => $"{Show(slug)}/feed";
    }

    public static string Unsubscribe(string token) => $"/unsubscribe/{Seg(token)}";

    /// <summary>Turns off the weekly digest of the account in the token (its one-click unsubscribe).</summary>
    public static string DigestUnsubscribe(string token) => $"/unsubscribe/digest/{Seg(token)}";

    public static class Communities
    {
        public const string Index = "/communities";
        public const string New = "/communities/new";
        public const string Csv = "/communities.csv";
        public const string Json = "/communities.json";

        /// <summary>The directory filtered by one place: <paramref name="filter"/> is
        /// <c>novads</c>, <c>former</c> or <c>place</c>.</summary>
        public static string In(string filter, string slug) => Query(Index, (filter, slug));

        public static string Show(string slug) => $"/communities/{Seg(slug)}";
        public static string Edit(string slug) => $"{Show(slug)}/edit";
        public static string Contact(string slug) => $"{Show(slug)}/contact";
        public static string CoLeaders(string slug) => $"{Show(slug)}/co-leaders";
        public static string CoOrganising(string slug) => $"{Show(slug)}/co-organising";

        /// <summary>The Atom feed of the community's news and events.</summary>
        public static string Feed(string slug) => $"{Show(slug)}/feed";
        public static string AcceptCoOrganising(string slug, Guid request) => $"{CoOrganising(slug)}/{request}/accept";
        public static string DeclineCoOrganising(string slug, Guid request) => $"{CoOrganising(slug)}/{request}/decline";
    }

    public static class Events
    {
        public const string Index = "/events";
        public const string Past = "/events?past=true";
        public const string Calendar = "/events/calendar";

        /// <summary>The events filtered by one place: <paramref name="filter"/> is <c>novads</c> or <c>former</c>.</summary>
        public static string In(string filter, string slug) => Query(Index, (filter, slug));

        /// <summary>The Atom feed of the network's newly published events.</summary>
        public const string AtomFeed = "/events/feed";

        /// <summary>The iCalendar feed of published events, optionally of one novads.</summary>
        public static string Feed(string? novads = null) => Query("/events.ics", ("novads", novads));

        public static string Show(string slug) => $"/events/{Seg(slug)}";
        public static string SignUpSection(string slug) => $"{Show(slug)}#signup";
        public static string SignUp(string slug) => $"{Show(slug)}/sign-up";
        public static string CalendarFile(string slug) => $"{Show(slug)}.ics";

        /// <summary>The event page with an invitation's token, which fills in the sign-up form.</summary>
        public static string WithInvitation(string slug, string token) => Query(Show(slug), ("invitation", token));

        /// <summary>A registration's pages behind its personal link.</summary>
        public static string Registration(string token) => $"/events/registrations/{Seg(token)}";
        public static string RegistrationData(string token) => $"{Registration(token)}/data";
        public static string EraseRegistrationData(string token) => $"{RegistrationData(token)}/erase";
    }

    /// <summary>Communities' news: the network's list, an item, and the leaders' editing under the community.</summary>
    public static class News
    {
        public const string Index = "/news";
        public const string Feed = "/news/feed";

        /// <summary>The list filtered: <paramref name="filter"/> is <c>community</c>, <c>novads</c>,
        /// <c>former</c>, <c>place</c> or <c>theme</c>.</summary>
        public static string In(string filter, string slug) => Query(Index, (filter, slug));

        public static string Show(int id) => $"/news/{id}";
        public static string New(string community) => $"{Communities.Show(community)}/news/new";
        public static string Edit(string community, int id) => $"{Communities.Show(community)}/news/{id}/edit";
        public static string Delete(string community, int id) => $"{Communities.Show(community)}/news/{id}/delete";
    }

    /// <summary>What a signed-in person follows.</summary>
    public static class Following
    {
        public const string Index = "/account/following";
        public const string Add = "/account/following/add";
        public const string Remove = "/account/following/remove";
    }

    public static class Forums
    {
        public const string Index = "/forums";
        public static string Show(string slug) => $"/forums/{Seg(slug)}";
    }

    public static class Ideas
    {
        public const string Index = "/ideas";
        public const string CheckEmail = "/ideas/check-email";

        /// <summary>The ideas filtered by one place: <paramref name="filter"/> is <c>novads</c>.</summary>
        public static string In(string filter, string slug) => Query(Index, (filter, slug));

        public static string ForForum(string forum) => Query(Index, ("forum", forum));

        public static string New(string? forum = null, int? group = null) =>
            Query("/ideas/new", ("forum", forum), ("group", group?.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        public static string Show(int id) => $"/ideas/{id}";

        /// <summary>An idea reached from one merged into it (the page says so).</summary>
        public static string MergedFrom(int id, int from) => Query(Show(id), ("from", from.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        public static string Support(int id) => $"{Show(id)}/support";
        public static string Implemented(int id) => $"{Show(id)}/implemented";
        public static string UndoImplemented(int id) => $"{Implemented(id)}/undo";
        public static string Confirm(string token) => $"/ideas/confirm/{Seg(token)}";
    }

    /// <summary>The cooperation board: communities' offers and requests.</summary>
    public static class Cooperation
    {
        public const string Index = "/cooperation";
        public const string Feed = "/cooperation/feed";

        /// <summary>A new post, optionally for a named community its poster leads.</summary>
        public static string New(string? community = null) => Query("/cooperation/new", ("community", community));

        public static string Show(int id) => $"/cooperation/{id}";
        public static string AnswerSection(int id) => $"{Show(id)}#answer";
        public static string Edit(int id) => $"{Show(id)}/edit";
        public static string Answer(int id) => $"{Show(id)}/answer";
        public static string Match(int id) => $"{Show(id)}/match";
        public static string Close(int id) => $"{Show(id)}/close";
        public static string Report(int id) => $"{Show(id)}/report";

        /// <summary>An answer to the post, where its community's leaders read it and write back.</summary>
        public static string Conversation(int id, Guid answer) => $"{Show(id)}/answers/{answer}";
    }

    public static class Account
    {
        public const string Register = "/account/register";
        public const string LogOut = "/account/logout";
        public const string AccessDenied = "/account/access-denied";
        public const string ResendConfirmation = "/account/resend-confirmation";
        public const string ForgotPassword = "/account/forgot-password";
        public const string ChangePassword = "/account/change-password";
        public const string Profile = "/account/profile";
        public const string Privacy = "/account/privacy";
        public const string DownloadData = "/account/privacy/download";
        public const string Delete = "/account/privacy/delete";
        public const string Communities = "/account/communities";
        public const string Registrations = "/account/registrations";
        public const string TwoFactor = "/account/two-factor";
        public const string DisableTwoFactor = "/account/two-factor/disable";
        public const string RecoveryCodes = "/account/two-factor/recovery-codes";
        public const string TwoFactorLogin = "/account/login/two-factor";
        public const string CheckEmail = "/account/check-email";
        public const string PasswordResetSent = "/account/forgot-password/sent";
        public const string PasswordResetDone = "/account/reset-password/done";

        public static string Login(string? returnUrl = null) => Query("/account/login", ("returnUrl", returnUrl));
        public static string RecoveryCodeLogin(string? returnUrl = null) => Query("/account/login/recovery-code", ("returnUrl", returnUrl));
        public static string TwoFactorLoginThen(string? returnUrl, bool rememberMe) =>
            Query(TwoFactorLogin, ("returnUrl", returnUrl), ("rememberMe", rememberMe ? "true" : null));

        public static string RecoveryCodesThen(string? returnUrl) => Query(RecoveryCodes, ("returnUrl", returnUrl));
        public static string TwoFactorSetup(string? returnUrl = null) => Query("/account/two-factor/setup", ("returnUrl", returnUrl));
        public static string Registration(Guid id) => $"{Registrations}/{id}";
        public static string ConfirmEmail(string userId, string code) => Query("/account/confirm-email", ("userId", userId), ("code", code));
        public static string ResetPassword(string? email = null, string? code = null) => Query("/account/reset-password", ("email", email), ("code", code));
    }

    public static class Invitations
    {
        public static string Show(string token) => $"/invitations/{Seg(token)}";
        public static string Accept(string token) => $"{Show(token)}/accept";
        public static string Register(string token) => $"{Show(token)}/register";
    }

    public static class Municipality
    {
        public const string Ideas = "/municipality/ideas";
        public static string IdeasIn(string novads) => Query(Ideas, ("novads", novads));
        public static string Idea(int id) => $"{Ideas}/{id}";
        public static string Answer(int id) => $"{Idea(id)}/answer";
    }

    public static class Reports
    {
        public const string Index = "/reports";
        public const string Settings = "/reports/settings";

        /// <summary>The report, or an export of it, for a query string the report's filter built
        /// (<c>ReportFilter.With</c>, empty or starting with <c>?</c>).</summary>
        public static string For(string query) => Index + query;
        public static string Csv(string query) => "/reports/export.csv" + query;
        public static string Xlsx(string query) => "/reports/export.xlsx" + query;
        public static string SettingsFor(string userId) => $"{Settings}/{Seg(userId)}";
    }

    public static class Admin
    {
        public const string Index = "/admin";
        public const string Audit = "/admin/audit";
        public const string Ideas = "/admin/ideas";
        public const string People = "/admin/people";
        public const string Population = "/admin/population";
        public const string Invitations = "/admin/invitations";
        public const string DevMail = "/dev/mail";

        public static string RevokeInvitation(Guid id) => $"{Invitations}/{id}/revoke";

        /// <summary>A list of invitations being sent, and its progress as JSON.</summary>
        public static string Batch(Guid id) => $"{Invitations}/batches/{id}";
        public static string BatchProgress(Guid id) => $"{Batch(id)}/progress";

        public static string DevMailMessage(string id) => $"{DevMail}/{Seg(id)}";

        /// <summary>The outbox, optionally only the mail of one status.</summary>
        public static string Mail(string? status = null) => Query("/admin/mail", ("status", status));
        public static string RetryMail(Guid id) => $"/admin/mail/{id}/retry";

        public static string Communities(string? status = null) => Query("/admin/communities", ("status", status));
        public static string CommunityLeaders(int id) => $"/admin/communities/{id}/leaders";
        public static string RemoveLeader(int community, int membership) => $"{CommunityLeaders(community)}/{membership}/remove";
        public static string ApproveCommunity(int id) => $"/admin/communities/{id}/approve";
        public static string RejectCommunity(int id) => $"/admin/communities/{id}/reject";

        public const string Cooperation = "/admin/cooperation";
        public static string HideCooperationPost(int id) => $"{Cooperation}/{id}/hide";
        public static string DismissCooperationReports(int id) => $"{Cooperation}/{id}/dismiss";

        public static string Idea(int id) => $"{Ideas}/{id}";
        public static string HideIdea(int id) => $"{Idea(id)}/hide";
        public static string RestoreIdea(int id) => $"{Idea(id)}/restore";
        public static string MergeIdea(int id) => $"{Idea(id)}/merge";
        public static string LinkIdea(int id) => $"{Idea(id)}/link";

        public static string Person(string id) => $"{People}/{Seg(id)}";
        public static string LockPerson(string id) => $"{Person(id)}/lock";
        public static string UnlockPerson(string id) => $"{Person(id)}/unlock";
        public static string RemoveRole(string id) => $"{Person(id)}/roles/remove";
    }

    /// <summary>The organisers' tools for events, under <c>/admin/events</c>.</summary>
    public static class AdminEvents
    {
        public const string Index = "/admin/events";

        /// <summary>The events of one community, for its leaders.</summary>
        public static string Of(string? community) => Query(Index, ("community", community));

        /// <summary>A new event, optionally a copy of another or co-organised by a community (and,
        /// from a matched cooperation post, by its <paramref name="partner"/> as well).</summary>
        public static string New(string? copy = null, string? community = null, string? partner = null) =>
            Query($"{Index}/new", ("copy", copy), ("community", community), ("partner", partner));

        public static string Edit(string slug) => $"{Event(slug)}/edit";
        public static string Publish(string slug) => $"{Event(slug)}/publish";
        public static string Cancel(string slug) => $"{Event(slug)}/cancel";
        public static string Outcome(string slug) => $"{Event(slug)}/outcome";
        public static string Message(string slug) => $"{Event(slug)}/message";
        public static string Invite(string slug) => $"{Event(slug)}/invite";
        /// <summary>A forum's paper ideas; <paramref name="query"/> keeps the last entry's choices
        /// (empty or starting with <c>?</c>).</summary>
        public static string Ideas(string slug, string query = "") => $"{Event(slug)}/ideas{query}";
        public static string Sheet(string slug) => $"{Event(slug)}/sheet";
        public static string Registrations(string slug) => $"{Event(slug)}/registrations";
        public static string RegistrationsCsv(string slug) => $"{Event(slug)}/registrations.csv";
        public static string CancelRegistration(string slug, Guid id) => $"{Registrations(slug)}/{id}/cancel";
        public static string ApproveQuota(string slug, Guid id) => $"{Registrations(slug)}/{id}/approve-quota";

        /// <summary>The check-in list; <paramref name="query"/> is a query string to keep (a search),
        /// empty or starting with <c>?</c>, and <paramref name="fragment"/> an element to scroll to.</summary>
        public static string CheckIn(string slug, string query = "", string? fragment = null) =>
            $"{Event(slug)}/check-in{query}{(fragment is null ? "" : "#" + fragment)}";

        /// <summary>A bulk send for the event (invitations, a message), and its progress as JSON.</summary>
        public static string Send(string slug, Guid id) => $"{Event(slug)}/sends/{id}";
        public static string SendProgress(string slug, Guid id) => $"{Send(slug, id)}/progress";

        public static string CheckInOne(string slug, Guid id) => $"{Event(slug)}/check-in/{id}";
        public static string WalkIns(string slug) => $"{Event(slug)}/check-in/walk-ins";
        public static string RemoveWalkIn(string slug, Guid id) => $"{WalkIns(slug)}/{id}/remove";

        private static string Event(string slug) => $"{Index}/{Seg(slug)}";
    }

    /// <summary>One path segment, escaped (slugs and ids need nothing; tokens and names might).</summary>
    private static string Seg(string value) => Uri.EscapeDataString(value);

    /// <summary>The path with the given query values, leaving out the empty ones.</summary>
    private static string Query(string path, params (string Name, string? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                path = QueryHelpers.AddQueryString(path, name, value);
            }
        }

        return path;
    }
}
