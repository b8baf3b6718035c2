using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Participation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The people hash needs the key, which SQL does not have: DatabaseInitializer (Kaimini.Web
            // migrate, start-up migration) fills it in before this migration (PersonHashBackfill). Applied
            // any other way with rows still lacking it, this stops with a message rather than inventing one.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM event_registrations WHERE person_hash IS NULL) THEN
                        RAISE EXCEPTION 'event_registrations without person_hash: apply this migration with "Kaimini.Web migrate", which fills it in with the people-hash key first';
                    END IF;
                END $$;
                """);

            migrationBuilder.AlterColumn<string>(
                name: "person_hash",
                table: "event_registrations",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character(64)",
                oldFixedLength: true,
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "walk_in",
                table: "event_registrations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "population_figures",
                columns: table => new
                {
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    population = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    imported_by_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_population_figures", x => new { x.territory_id, x.year });
                    table.CheckConstraint("ck_population_figures_population_positive", "population > 0");
                    table.ForeignKey(
                        name: "fk_population_figures_asp_net_users_imported_by_id",
                        column: x => x.imported_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_population_figures_territories_territory_id",
                        column: x => x.territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_population_figures_imported_by_id",
                table: "population_figures",
                column: "imported_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_population_figures_year",
                table: "population_figures",
                column: "year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "population_figures");

            migrationBuilder.DropColumn(
                name: "walk_in",
                table: "event_registrations");

            migrationBuilder.AlterColumn<string>(
                name: "person_hash",
                table: "event_registrations",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character(64)",
                oldFixedLength: true,
                oldMaxLength: 64);
        }
    }
}
