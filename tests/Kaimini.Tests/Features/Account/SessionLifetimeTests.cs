using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;

namespace Kaimini.Tests.Features.Account;

/// <summary>Its own app: the test moves the portal's clock by hours.</summary>
public class SessionLifetimeTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task A_staff_session_ends_twelve_hours_after_sign_in_however_active_while_a_residents_goes_on()
    {
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var (resident, _) = await app.LoggedInAsync(null);

        // Busy all day: the sliding lifetime keeps renewing the cookie.
        for (var hour = 0; hour < 11; hour++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await organiser.Http.GetAsync("/admin")).StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromHours(1.5));

        Assert.Contains("/account/login", (await organiser.Http.GetAsync("/admin")).Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await resident.Http.GetAsync("/account/profile")).StatusCode);
    }
}
