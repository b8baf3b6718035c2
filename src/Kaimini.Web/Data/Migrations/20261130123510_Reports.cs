using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_event_registrations_community_id",
                table: "event_registrations");

            migrationBuilder.DropIndex(
                name: "ix_event_registrations_territory_id",
                table: "event_registrations");

            migrationBuilder.AddColumn<int>(
                name: "novads_id",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_ideas_status_addressed_to_created_at",
                table: "ideas",
                columns: new[] { "status", "addressed_to", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_idea_supports_created_at",
                table: "idea_supports",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_idea_history_kind_idea_id_at",
                table: "idea_history",
                columns: new[] { "kind", "idea_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_community_id_event_id",
                table: "event_registrations",
                columns: new[] { "community_id", "event_id" });

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_territory_id_event_id",
                table: "event_registrations",
                columns: new[] { "territory_id", "event_id" });

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_users_novads_id",
                table: "AspNetUsers",
                column: "novads_id");

            migrationBuilder.AddForeignKey(
                name: "fk_asp_net_users_territories_novads_id",
                table: "AspNetUsers",
                column: "novads_id",
                principalTable: "territories",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_asp_net_users_territories_novads_id",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "ix_ideas_status_addressed_to_created_at",
                table: "ideas");

            migrationBuilder.DropIndex(
                name: "ix_idea_supports_created_at",
                table: "idea_supports");

            migrationBuilder.DropIndex(
                name: "ix_idea_history_kind_idea_id_at",
                table: "idea_history");

            migrationBuilder.DropIndex(
                name: "ix_event_registrations_community_id_event_id",
                table: "event_registrations");

            migrationBuilder.DropIndex(
                name: "ix_event_registrations_territory_id_event_id",
                table: "event_registrations");

            migrationBuilder.DropIndex(
                name: "ix_asp_net_users_novads_id",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "novads_id",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_community_id",
                table: "event_registrations",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_territory_id",
                table: "event_registrations",
                column: "territory_id");
        }
    }
}
