using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PerfIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_ideas_addressed_to_theme_id_response",
                table: "ideas",
                columns: new[] { "addressed_to", "theme_id", "response" },
                filter: "status = 'Published'");

            migrationBuilder.CreateIndex(
                name: "ix_events_kind_starts_at_id",
                table: "events",
                columns: new[] { "kind", "starts_at", "id" },
                descending: new[] { false, true, false });

            migrationBuilder.AddCheckConstraint(
                name: "ck_events_duration",
                table: "events",
                sql: "ends_at > starts_at AND ends_at <= starts_at + interval '14 days'");

            migrationBuilder.CreateIndex(
                name: "ix_communities_published_id",
                table: "communities",
                column: "id",
                filter: "status = 'Published'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ideas_addressed_to_theme_id_response",
                table: "ideas");

            migrationBuilder.DropIndex(
                name: "ix_events_kind_starts_at_id",
                table: "events");

            migrationBuilder.DropCheckConstraint(
                name: "ck_events_duration",
                table: "events");

            migrationBuilder.DropIndex(
                name: "ix_communities_published_id",
                table: "communities");
        }
    }
}
