using Kaimini.Web.Domain;

namespace Kaimini.Tests.Domain;

public class IdeaRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 4, 1, 9, 0, 0, TimeSpan.Zero);

    private static Idea NewIdea(IdeaStatus status, IdeaAddressee to = IdeaAddressee.Municipality) => new()
    {
        Id = 3,
        Title = "Soliņi parkā",
        Body = "Vajag soliņus.",
        AuthorName = "Anna",
        AuthorEmail = "anna@example.lv",
        Status = status,
        AddressedTo = to,
    };

    [Theory]
    [InlineData(IdeaStatus.Published)]
    [InlineData(IdeaStatus.Unconfirmed)]
    public void Hiding_keeps_the_trimmed_reason(IdeaStatus status)
    {
        var idea = NewIdea(status);

        idea.Hide("  Reklāma  ", Now);

        Assert.Equal(IdeaStatus.Hidden, idea.Status);
        Assert.Equal("Reklāma", idea.HiddenReason);
        Assert.Equal(Now, idea.UpdatedAt);
    }

    [Theory]
    [InlineData(IdeaStatus.Hidden)]
    [InlineData(IdeaStatus.Merged)]
    public void A_hidden_or_merged_idea_cannot_be_hidden(IdeaStatus status)
    {
        var idea = NewIdea(status);

        Assert.False(idea.CanBeHidden);
        Assert.Throws<InvalidOperationException>(() => idea.Hide("Atkal", Now));
    }

    [Fact]
    public void Hiding_needs_a_reason() =>
        Assert.Throws<ArgumentException>(() => NewIdea(IdeaStatus.Published).Hide("", Now));

    [Fact]
    public void Restoring_publishes_a_hidden_idea_and_ends_its_confirmation_link()
    {
        var idea = NewIdea(IdeaStatus.Hidden);
        idea.HiddenReason = "Kļūda";
        idea.ConfirmTokenHash = "abc";

        idea.Restore(Now);

        Assert.Equal(IdeaStatus.Published, idea.Status);
        Assert.Null(idea.HiddenReason);
        Assert.Null(idea.ConfirmTokenHash);
        Assert.Equal(Now, idea.PublishedAt);
        Assert.Equal(Now, idea.UpdatedAt);
    }

    [Fact]
    public void Restoring_keeps_the_first_publication_date()
    {
        var first = Now.AddMonths(-2);
        var idea = NewIdea(IdeaStatus.Hidden);
        idea.PublishedAt = first;

        idea.Restore(Now);

        Assert.Equal(first, idea.PublishedAt);
    }

    [Theory]
    [InlineData(IdeaStatus.Published)]
    [InlineData(IdeaStatus.Unconfirmed)]
    [InlineData(IdeaStatus.Merged)]
    public void Only_a_hidden_idea_can_be_restored(IdeaStatus status)
    {
        var idea = NewIdea(status);

        Assert.False(idea.CanBeRestored);
        Assert.Throws<InvalidOperationException>(() => idea.Restore(Now));
        Assert.Equal(status, idea.Status);
    }

    [Fact]
    public void Answering_records_the_response()
    {
        var idea = NewIdea(IdeaStatus.Published);

        idea.Answer(IdeaResponse.Accepted, null, Now);

        Assert.Equal(IdeaResponse.Accepted, idea.Response);
        Assert.Equal(Now, idea.UpdatedAt);
    }

    [Theory]
    [InlineData(IdeaStatus.Hidden, IdeaAddressee.Municipality)]
    [InlineData(IdeaStatus.Unconfirmed, IdeaAddressee.Municipality)]
    [InlineData(IdeaStatus.Published, IdeaAddressee.Ngos)]
    [InlineData(IdeaStatus.Published, IdeaAddressee.Residents)]
    public void The_municipality_answers_only_published_ideas_addressed_to_it(IdeaStatus status, IdeaAddressee to)
    {
        var idea = NewIdea(status, to);

        Assert.False(idea.CanBeAnswered);
        Assert.Throws<InvalidOperationException>(() => idea.Answer(IdeaResponse.Accepted, null, Now));
        Assert.Equal(IdeaResponse.None, idea.Response);
    }

    [Theory]
    [InlineData(null, null, AnswerProblem.NoStatus)]
    [InlineData(IdeaResponse.None, "Labi", AnswerProblem.NoStatus)]
    [InlineData((IdeaResponse)99, "Labi", AnswerProblem.NoStatus)]
    [InlineData(IdeaResponse.Declined, "Nav naudas", AnswerProblem.ReasonRequired)]
    [InlineData(IdeaResponse.Declined, "   Nav naudas šogad.     ", AnswerProblem.ReasonRequired)]
    [InlineData(IdeaResponse.Declined, "Nav naudas šogad, varbūt nākamgad.", AnswerProblem.None)]
    [InlineData(IdeaResponse.Forwarded, " ", AnswerProblem.ForwardedToRequired)]
    [InlineData(IdeaResponse.Forwarded, "Latvijas Valsts ceļi", AnswerProblem.None)]
    [InlineData(IdeaResponse.UnderReview, null, AnswerProblem.None)]
    [InlineData(IdeaResponse.Done, "", AnswerProblem.None)]
    public void An_answer_needs_a_status_a_reason_to_decline_and_where_a_forwarded_idea_went(IdeaResponse? response, string? reply, AnswerProblem expected) =>
        Assert.Equal(expected, Idea.CheckAnswer(response, reply));

    [Fact]
    public void A_decline_reason_of_exactly_the_minimum_length_is_enough() =>
        Assert.Equal(AnswerProblem.None, Idea.CheckAnswer(IdeaResponse.Declined, new string('x', Idea.MinimumDeclineReasonLength)));

    [Fact]
    public void An_incomplete_answer_is_refused()
    {
        var idea = NewIdea(IdeaStatus.Published);

        Assert.Throws<ArgumentException>(() => idea.Answer(IdeaResponse.Declined, "Nē", Now));
        Assert.Equal(IdeaResponse.None, idea.Response);
    }

    [Fact]
    public void Answering_done_marks_an_unmarked_idea_implemented_but_not_a_marked_one()
    {
        var idea = NewIdea(IdeaStatus.Published);

        Assert.True(idea.AnswerMarksImplemented(IdeaResponse.Done));
        Assert.False(idea.AnswerMarksImplemented(IdeaResponse.InProgress));

        idea.MarkImplemented(new DateOnly(2027, 3, 1), IdeaImplementer.Residents, null);

        Assert.False(idea.AnswerMarksImplemented(IdeaResponse.Done));
    }

    [Theory]
    [InlineData("anna@example.lv", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("deleted-3@invalid", false)]
    [InlineData("DELETED-3@INVALID", false)]
    public void The_author_is_mailed_only_at_a_real_address(string? email, bool expected)
    {
        var idea = NewIdea(IdeaStatus.Published);
        idea.AuthorEmail = email;

        Assert.Equal(expected, idea.AuthorCanBeMailed);
    }

    [Theory]
    [InlineData(0, ImplementedOnProblem.None)]
    [InlineData(-3, ImplementedOnProblem.None)]
    [InlineData(-10, ImplementedOnProblem.None)]
    [InlineData(1, ImplementedOnProblem.InFuture)]
    [InlineData(-11, ImplementedOnProblem.BeforeIdea)]
    public void An_idea_is_implemented_between_its_submission_and_today(int daysFromToday, ImplementedOnProblem expected)
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var submitted = today.AddDays(-10);

        Assert.Equal(expected, Idea.CheckImplementedOn(today.AddDays(daysFromToday), submitted, today));
    }
}
