namespace Kaimini.Web.Infrastructure.Localization;

/// <summary>Times are stored in UTC and shown in Riga's time, dd.MM.yyyy and 24-hour clock.</summary>
public static class RigaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    public static DateTimeOffset ToRiga(this DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);

    public static string Date(DateTimeOffset value) => value.ToRiga().ToString("dd.MM.yyyy");

    public static string DateTime(DateTimeOffset value) => value.ToRiga().ToString("dd.MM.yyyy HH:mm");
}
