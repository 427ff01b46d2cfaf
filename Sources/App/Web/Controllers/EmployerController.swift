import Engine
import Foundation
import Identifiers
import Localization
import Taxonomy
import Vapor

/// Employers post vacancies and short jobs (with the ESCO occupation and the skills the work
/// needs), see and remove their own, and search the workers who opted in by skill coverage.
enum EmployerController {
    static func employer(_ req: Request) throws -> SignedInUser {
        guard let user = req.user, user.role == .employer else { throw Abort(.forbidden) }
        return user
    }

    static func list(_ req: Request) async throws -> Response {
        let user = try employer(req)
        return try await page(req, user: user, form: VacancyForm(), problems: [], notice: nil)
    }

    /// POST /werkgever/vacatures: first the occupation is looked up and its essential skills
    /// offered as ticked boxes; the second post (with the skills) checks every field and stores.
    static func create(_ req: Request) async throws -> Response {
        let user = try employer(req)
        let snapshot = try req.application.careerData.ready()
        var form = (try? req.content.decode(VacancyForm.self)) ?? VacancyForm()
        let typed = (form.occupation ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if form.occupationURI == nil || form.skills == nil {
            guard !typed.isEmpty, let hit = req.application.taxonomy.index?.searchOccupations(String(typed.prefix(200)), limit: 1).first else {
                return try await page(req, user: user, form: form, problems: [FieldProblem("occupation", .notFound)], notice: nil, status: .unprocessableEntity)
            }
            form.occupationURI = hit.occupation.uri
            form.occupation = hit.occupation.label(in: Lang.of(req).escoLanguage)
            form.skills = nil
            return try await page(req, user: user, form: form, problems: [], notice: nil, chooseSkills: true)
        }
        var fields: [String: String] = [
            "id": "w-" + req.application.dependencies.token(bytes: 9), "kind": form.kind ?? "", "title": form.title ?? "",
            "employer": user.name, "occupation": form.occupationURI ?? "", "skills": (form.skills ?? []).joined(separator: "|"),
            "hours_min": form.hoursMin ?? "", "hours_max": form.hoursMax ?? "", "place": form.place ?? "",
            "contract": form.contract ?? "", "start": form.start ?? "", "sector": form.sector ?? "",
        ]
        fields["days"] = (form.days ?? []).joined(separator: "|")
        let vacancy: Vacancy
        do { vacancy = try Vacancy.read(CSVRow(fields: fields), model: snapshot.engine.model, places: snapshot.places) } catch {
            return try await page(req, user: user, form: form, problems: [error], notice: nil, chooseSkills: true, status: .unprocessableEntity)
        }
        _ = try await req.application.careerImports.add([vacancy], employer: user.id)
        return try await page(
            req, user: user, form: VacancyForm(), problems: [],
            notice: PageContext(req).t("\u{201C}\(vacancy.title)\u{201D} staat nu open.", "\u{201C}\(vacancy.title)\u{201D} is now open."))
    }

    static func delete(_ req: Request) async throws -> Response {
        let user = try employer(req)
        guard let id = req.parameters.get("id"),
            try await EngineStore(database: req.db).deleteVacancy(id: id, employerUserID: user.id.string)
        else {
            throw Abort(.notFound)
        }
        req.application.careerData.remove(ids: [id])
        return req.redirect(to: SiteRoute.employerVacancies.link, redirectType: .normal)
    }

    private static func page(
        _ req: Request, user: SignedInUser, form: VacancyForm, problems: [FieldProblem], notice: String?,
        chooseSkills: Bool = false, status: HTTPStatus = .ok
    ) async throws -> Response {
        let snapshot = try req.application.careerData.ready()
        let own = try await EngineStore(database: req.db).loadVacancies(places: snapshot.places, employerUserID: user.id.string)
        return .html(
            EmployerPages.vacancies(
                PageContext(req), snapshot: snapshot, own: own, form: form, problems: problems,
                notice: notice, chooseSkills: chooseSkills), status: status)
    }
}

extension VacancyForm: Content {}
