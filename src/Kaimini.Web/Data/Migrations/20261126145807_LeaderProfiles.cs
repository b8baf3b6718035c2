using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeaderProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_invitations_users_invited_by_id",
                table: "invitations");

            migrationBuilder.AlterColumn<string>(
                name: "invited_by_id",
                table: "invitations",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.CreateTable(
                name: "leader_profiles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    bio = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    territory_id = table.Column<int>(type: "integer", nullable: true),
                    is_public = table.Column<bool>(type: "boolean", nullable: false),
                    consent_given_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    consent_given_version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    consent_withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    search_document = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leader_profiles", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_leader_profiles_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_leader_profiles_territories_territory_id",
                        column: x => x.territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "leader_interests",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    theme_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leader_interests", x => new { x.user_id, x.theme_id });
                    table.ForeignKey(
                        name: "fk_leader_interests_leader_profiles_user_id",
                        column: x => x.user_id,
                        principalTable: "leader_profiles",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_leader_interests_themes_theme_id",
                        column: x => x.theme_id,
                        principalTable: "themes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_leader_interests_theme_id",
                table: "leader_interests",
                column: "theme_id");

            migrationBuilder.CreateIndex(
                name: "ix_leader_profiles_is_public",
                table: "leader_profiles",
                column: "is_public");

            migrationBuilder.CreateIndex(
                name: "ix_leader_profiles_search_document",
                table: "leader_profiles",
                column: "search_document")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_leader_profiles_territory_id",
                table: "leader_profiles",
                column: "territory_id");

            migrationBuilder.AddForeignKey(
                name: "fk_invitations_users_invited_by_id",
                table: "invitations",
                column: "invited_by_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_invitations_users_invited_by_id",
                table: "invitations");

            migrationBuilder.DropTable(
                name: "leader_interests");

            migrationBuilder.DropTable(
                name: "leader_profiles");

            migrationBuilder.AlterColumn<string>(
                name: "invited_by_id",
                table: "invitations",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "fk_invitations_users_invited_by_id",
                table: "invitations",
                column: "invited_by_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
