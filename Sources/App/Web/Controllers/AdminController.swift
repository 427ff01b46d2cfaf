import Accounts
import Fluent
import Foundation
import Localization
import Vapor

/// The admin's overview: the taxonomy import and the accounts, with role changes.
enum AdminController {
    struct RoleForm: Content { var role: String? }

    static func overview(_ req: Request) async throws -> Response {
        // All accounts, a page at a time, or those whose e-mail or name holds the search text
        // (the page once showed only the first 500).
        let search = String((req.query[String.self, at: "zoek"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let page = max(1, min(req.query[Int.self, at: "pagina"] ?? 1, 100_000))
        func matching() -> QueryBuilder<UserModel> {
            let query = UserModel.query(on: req.db)
            guard !search.isEmpty else { return query }
            return query.group(.or) { $0.filter(\.$email ~~ search.lowercased()).filter(\.$name ~~ search) }
        }
        let total = try await matching().count()
        let users = try await matching().sort(\.$email).range(((page - 1) * AdminOverview.pageSize)..<(page * AdminOverview.pageSize)).all()
        let lastImport = try await TaxonomyStore(database: req.db).latestImport()
        let taxonomy = req.application.taxonomy.index.flatMap { index in
            lastImport.map {
                AdminOverview.Taxonomy(
                    version: $0.version, importedAt: $0.importedAt, occupations: index.occupations.count,
                    skills: index.skillCount, relations: index.relationCount)
            }
        }
        let accounts = users.map { AdminOverview.Account(id: $0.id?.uuidString ?? "", name: $0.name, email: $0.email, role: $0.role) }
        let overview = AdminOverview(taxonomy: taxonomy, search: search, page: page, total: total, accounts: accounts)
        return .html(AdminPages.overview(PageContext(req), overview))
    }

    static func setRole(_ req: Request) async throws -> Response {
        guard let admin = req.user else { throw Abort(.unauthorized) }
        let lang = Lang.of(req)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let user = try await UserModel.find(id, on: req.db)
        else {
            throw Abort(.notFound, reason: lang.t("Dit account bestaat niet.", "This account does not exist."))
        }
        guard let roleText = (try? req.content.decode(RoleForm.self))?.role, let role = Role(rawValue: roleText) else {
            throw Abort(.badRequest, reason: lang.t("Kies een bestaande rol.", "Choose an existing role."))
        }
        // An admin cannot demote themselves: the site must never be left without an admin by accident.
        guard !(user.id == admin.id.uuid && role != .admin) else {
            throw Abort(.badRequest, reason: lang.t("Je kunt je eigen beheerdersrol niet weghalen.", "You cannot remove your own admin role."))
        }
        user.role = role.rawValue
        try await user.save(on: req.db)
        return req.redirect(to: SiteRoute.admin().link)
    }
}
