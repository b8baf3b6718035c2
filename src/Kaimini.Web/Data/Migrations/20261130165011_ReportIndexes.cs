using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ideas_status_created_at",
                table: "ideas");

            migrationBuilder.DropIndex(
                name: "ix_idea_supports_created_at",
                table: "idea_supports");

            migrationBuilder.CreateIndex(
                name: "ix_ideas_status_created_at",
                table: "ideas",
                columns: new[] { "status", "created_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "id", "territory_id", "theme_id", "event_id", "forum_group_id", "source", "addressed_to", "response", "implemented_on" });

            migrationBuilder.CreateIndex(
                name: "ix_idea_supports_created_at",
                table: "idea_supports",
                column: "created_at")
                .Annotation("Npgsql:IndexInclude", new[] { "idea_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_idea_supports_idea_id_created_at",
                table: "idea_supports",
                columns: new[] { "idea_id", "created_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_report",
                table: "event_registrations",
                column: "event_id")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "checked_in_at", "walk_in", "person_hash", "participant_type", "user_id", "territory_id", "community_id" });

            migrationBuilder.CreateIndex(
                name: "ix_community_memberships_leaders",
                table: "community_memberships",
                column: "user_id",
                filter: "is_leader");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ideas_status_created_at",
                table: "ideas");

            migrationBuilder.DropIndex(
                name: "ix_idea_supports_created_at",
                table: "idea_supports");

            migrationBuilder.DropIndex(
                name: "ix_idea_supports_idea_id_created_at",
                table: "idea_supports");

            migrationBuilder.DropIndex(
                name: "ix_event_registrations_report",
                table: "event_registrations");

            migrationBuilder.DropIndex(
                name: "ix_community_memberships_leaders",
                table: "community_memberships");

            migrationBuilder.CreateIndex(
                name: "ix_ideas_status_created_at",
                table: "ideas",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_idea_supports_created_at",
                table: "idea_supports",
                column: "created_at");
        }
    }
}
