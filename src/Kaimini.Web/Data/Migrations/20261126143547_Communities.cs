using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Communities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: true),
                    entity_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_audit_entries_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "communities",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "lv_icu"),
                    legal_form = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    short_description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    novads_id = table.Column<int>(type: "integer", nullable: false),
                    former_novads_id = table.Column<int>(type: "integer", nullable: true),
                    parish_id = table.Column<int>(type: "integer", nullable: true),
                    founded_year = table.Column<int>(type: "integer", nullable: true),
                    website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    public_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    street = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    postal_code = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    social_links = table.Column<List<string>>(type: "text[]", nullable: false),
                    registration_number = table.Column<string>(type: "character(11)", fixedLength: true, maxLength: 11, nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    rejection_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    verified = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    search_document = table.Column<string>(type: "character varying(12000)", maxLength: 12000, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('simple', search_document)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_communities", x => x.id);
                    table.ForeignKey(
                        name: "fk_communities_territories_former_novads_id",
                        column: x => x.former_novads_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_communities_territories_novads_id",
                        column: x => x.novads_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_communities_territories_parish_id",
                        column: x => x.parish_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_communities_territories_territory_id",
                        column: x => x.territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "community_memberships",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_leader = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_community_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_community_memberships_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_community_memberships_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_themes",
                columns: table => new
                {
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    theme_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_community_themes", x => new { x.community_id, x.theme_id });
                    table.ForeignKey(
                        name: "fk_community_themes_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_community_themes_themes_theme_id",
                        column: x => x.theme_id,
                        principalTable: "themes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_type_entity_id_at",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_user_id",
                table: "audit_entries",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_communities_former_novads_id",
                table: "communities",
                column: "former_novads_id");

            migrationBuilder.CreateIndex(
                name: "ix_communities_novads_id",
                table: "communities",
                column: "novads_id");

            migrationBuilder.CreateIndex(
                name: "ix_communities_parish_id",
                table: "communities",
                column: "parish_id");

            migrationBuilder.CreateIndex(
                name: "ix_communities_registration_number",
                table: "communities",
                column: "registration_number",
                unique: true,
                filter: "registration_number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_communities_search_vector",
                table: "communities",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_communities_slug",
                table: "communities",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_communities_status_created_at",
                table: "communities",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_communities_status_former_novads_id",
                table: "communities",
                columns: new[] { "status", "former_novads_id" });

            migrationBuilder.CreateIndex(
                name: "ix_communities_status_legal_form",
                table: "communities",
                columns: new[] { "status", "legal_form" });

            migrationBuilder.CreateIndex(
                name: "ix_communities_status_name",
                table: "communities",
                columns: new[] { "status", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_communities_status_novads_id",
                table: "communities",
                columns: new[] { "status", "novads_id" });

            migrationBuilder.CreateIndex(
                name: "ix_communities_status_parish_id",
                table: "communities",
                columns: new[] { "status", "parish_id" });

            migrationBuilder.CreateIndex(
                name: "ix_communities_status_published_at",
                table: "communities",
                columns: new[] { "status", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_communities_status_territory_id",
                table: "communities",
                columns: new[] { "status", "territory_id" });

            migrationBuilder.CreateIndex(
                name: "ix_communities_territory_id",
                table: "communities",
                column: "territory_id");

            migrationBuilder.CreateIndex(
                name: "ix_community_memberships_community_id_user_id",
                table: "community_memberships",
                columns: new[] { "community_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_community_memberships_user_id",
                table: "community_memberships",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_community_themes_theme_id_community_id",
                table: "community_themes",
                columns: new[] { "theme_id", "community_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "community_memberships");

            migrationBuilder.DropTable(
                name: "community_themes");

            migrationBuilder.DropTable(
                name: "communities");
        }
    }
}
