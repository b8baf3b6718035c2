using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "answer_stage",
                table: "ideas",
                type: "integer",
                nullable: false,
                computedColumnSql: "CASE WHEN response = 'None' THEN 0 WHEN implemented_on IS NOT NULL OR response IN ('Done', 'Declined', 'Forwarded') THEN 2 ELSE 1 END",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_ideas_addressed_to_answer_stage_updated_at_id",
                table: "ideas",
                columns: new[] { "addressed_to", "answer_stage", "updated_at", "id" },
                filter: "status = 'Published'");

            migrationBuilder.CreateIndex(
                name: "ix_events_status_ends_at",
                table: "events",
                columns: new[] { "status", "ends_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ideas_addressed_to_answer_stage_updated_at_id",
                table: "ideas");

            migrationBuilder.DropIndex(
                name: "ix_events_status_ends_at",
                table: "events");

            migrationBuilder.DropColumn(
                name: "answer_stage",
                table: "ideas");
        }
    }
}
