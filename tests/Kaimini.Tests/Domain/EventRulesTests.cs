using Kaimini.Web.Domain;

namespace Kaimini.Tests.Domain;

public class EventRulesTests
{
    private static readonly DateTimeOffset Start = new(2027, 5, 15, 7, 0, 0, TimeSpan.Zero);

    private static Event NewEvent(EventStatus status = EventStatus.Draft) => new()
    {
        Id = 7,
        Slug = "forums",
        Title = "Forums",
        Venue = "Tautas nams",
        StartsAt = Start,
        EndsAt = Start.AddHours(4),
        Status = status,
    };

    [Fact]
    public void Publishing_a_draft_makes_it_published_and_stamps_the_change()
    {
        var ev = NewEvent();
        var now = Start.AddDays(-30);

        ev.Publish(now);

        Assert.Equal(EventStatus.Published, ev.Status);
        Assert.Equal(now, ev.UpdatedAt);
    }

    [Theory]
    [InlineData(EventStatus.Published)]
    [InlineData(EventStatus.Cancelled)]
    [InlineData(EventStatus.Completed)]
    public void Only_a_draft_can_be_published(EventStatus status)
    {
        var ev = NewEvent(status);

        Assert.False(ev.CanBePublished);
        Assert.Throws<InvalidOperationException>(() => ev.Publish(Start));
        Assert.Equal(status, ev.Status);
    }

    [Theory]
    [InlineData(EventStatus.Draft)]
    [InlineData(EventStatus.Published)]
    public void Cancelling_keeps_the_trimmed_notice_and_the_moment(EventStatus status)
    {
        var ev = NewEvent(status);
        var now = Start.AddDays(-2);

        ev.Cancel("  Telpas applūdušas.  ", now);

        Assert.Equal(EventStatus.Cancelled, ev.Status);
        Assert.Equal("Telpas applūdušas.", ev.CancellationNotice);
        Assert.Equal(now, ev.CancelledAt);
        Assert.Equal(now, ev.UpdatedAt);
    }

    [Theory]
    [InlineData(EventStatus.Cancelled)]
    [InlineData(EventStatus.Completed)]
    public void A_cancelled_or_completed_event_cannot_be_cancelled(EventStatus status)
    {
        var ev = NewEvent(status);

        Assert.False(ev.CanBeCancelled);
        Assert.Throws<InvalidOperationException>(() => ev.Cancel("Atkal", Start));
        Assert.Null(ev.CancellationNotice);
    }

    [Fact]
    public void Cancelling_needs_a_notice()
    {
        var ev = NewEvent(EventStatus.Published);

        Assert.Throws<ArgumentException>(() => ev.Cancel("   ", Start));
        Assert.Equal(EventStatus.Published, ev.Status);
    }

    [Fact]
    public void Recording_the_outcome_completes_the_event()
    {
        var ev = NewEvent(EventStatus.Published);
        var now = Start.AddDays(1);

        ev.RecordOutcome(" Izveidots jaunatnes centrs. ", "  ", 42, now);

        Assert.Equal(EventStatus.Completed, ev.Status);
        Assert.Equal("Izveidots jaunatnes centrs.", ev.OutcomeSummary);
        Assert.Null(ev.OutcomeDecisions);
        Assert.Equal(42, ev.HeadCount);
        Assert.Equal(now, ev.OutcomeRecordedAt);
        Assert.Equal(now, ev.UpdatedAt);
    }

    [Fact]
    public void A_completed_event_s_outcome_can_be_recorded_again()
    {
        var ev = NewEvent(EventStatus.Completed);

        ev.RecordOutcome("Otrā versija", "Lēmums", null, Start.AddDays(3));

        Assert.Equal("Otrā versija", ev.OutcomeSummary);
        Assert.Equal("Lēmums", ev.OutcomeDecisions);
    }

    [Theory]
    [InlineData(EventStatus.Draft, 1)]
    [InlineData(EventStatus.Cancelled, 1)]
    [InlineData(EventStatus.Published, -1)]
    public void No_outcome_before_the_start_or_for_a_draft_or_a_cancelled_event(EventStatus status, int hoursFromStart)
    {
        var ev = NewEvent(status);
        var now = Start.AddHours(hoursFromStart);

        Assert.False(ev.CanRecordOutcomeAt(now));
        Assert.Throws<InvalidOperationException>(() => ev.RecordOutcome("Par agru", null, null, now));
        Assert.Null(ev.OutcomeSummary);
    }

    [Fact]
    public void The_outcome_can_be_recorded_from_the_moment_the_event_starts() =>
        Assert.True(NewEvent(EventStatus.Published).CanRecordOutcomeAt(Start));

    [Theory]
    [InlineData(EventStatus.Draft)]
    [InlineData(EventStatus.Cancelled)]
    [InlineData(EventStatus.Completed)]
    public void Sign_up_is_closed_unless_the_event_is_published(EventStatus status) =>
        Assert.Equal(SignUpWindow.Closed, NewEvent(status).SignUpWindowAt(Start.AddDays(-10)));

    [Fact]
    public void Without_times_set_sign_up_is_open_from_publication_until_the_start()
    {
        var ev = NewEvent(EventStatus.Published);

        Assert.Equal(SignUpWindow.Open, ev.SignUpWindowAt(Start.AddDays(-60)));
        Assert.Equal(SignUpWindow.Open, ev.SignUpWindowAt(Start.AddTicks(-1)));
        Assert.Equal(SignUpWindow.Closed, ev.SignUpWindowAt(Start));
        Assert.True(ev.IsSignUpOpenAt(Start.AddMinutes(-1)));
        Assert.False(ev.IsSignUpOpenAt(Start));
    }

    [Fact]
    public void Sign_up_opens_and_closes_at_the_organiser_s_times()
    {
        var ev = NewEvent(EventStatus.Published);
        ev.RegistrationOpensAt = Start.AddDays(-14);
        ev.RegistrationClosesAt = Start.AddDays(-2);

        Assert.Equal(SignUpWindow.NotYetOpen, ev.SignUpWindowAt(Start.AddDays(-14).AddTicks(-1)));
        Assert.Equal(SignUpWindow.Open, ev.SignUpWindowAt(Start.AddDays(-14)));
        Assert.Equal(SignUpWindow.Open, ev.SignUpWindowAt(Start.AddDays(-2).AddTicks(-1)));
        Assert.Equal(SignUpWindow.Closed, ev.SignUpWindowAt(Start.AddDays(-2)));
    }

    [Fact]
    public void An_event_ends_after_it_starts_and_lasts_at_most_fourteen_days()
    {
        Assert.Null(Event.ScheduleProblem(Start, Start.AddHours(4)));
        Assert.Null(Event.ScheduleProblem(Start, Start + Event.MaxDuration));
        Assert.Equal("Event.Error.EndBeforeStart", Event.ScheduleProblem(Start, Start));
        Assert.Equal("Event.Error.EndBeforeStart", Event.ScheduleProblem(Start, Start.AddHours(-1)));
        Assert.Equal("Event.Error.TooLong", Event.ScheduleProblem(Start, Start + Event.MaxDuration + TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromDays(14), Event.MaxDuration);
    }

    [Fact]
    public void Scheduling_sets_both_times_or_refuses()
    {
        var ev = NewEvent();

        ev.Schedule(Start.AddDays(1), Start.AddDays(3));
        Assert.Equal((Start.AddDays(1), Start.AddDays(3)), (ev.StartsAt, ev.EndsAt));

        Assert.Throws<ArgumentException>(() => ev.Schedule(Start, Start.AddDays(15)));
        Assert.Throws<ArgumentException>(() => ev.Schedule(Start, Start));
        Assert.Equal((Start.AddDays(1), Start.AddDays(3)), (ev.StartsAt, ev.EndsAt));
    }

    [Fact]
    public void An_event_is_not_over_until_it_ends_however_long_ago_it_started()
    {
        var notOver = Event.NotOverAt(Start).Compile();
        Event Running(TimeSpan startedAgo, TimeSpan endsIn)
        {
            var ev = NewEvent(EventStatus.Published);
            ev.Schedule(Start - startedAgo, Start + endsIn);
            return ev;
        }

        Assert.True(notOver(Running(TimeSpan.FromDays(13), TimeSpan.FromDays(1))));
        Assert.True(notOver(Running(Event.MaxDuration, TimeSpan.Zero)));
        Assert.True(notOver(Running(TimeSpan.FromDays(-2), TimeSpan.FromDays(3))));
        Assert.False(notOver(Running(TimeSpan.FromDays(2), TimeSpan.FromTicks(-1))));
    }
}
