import Engine
import Fluent
import Leermiles
import Vapor

/// A course as leermiles sees it: its price in miles (1 mile pays €1) and whether it leads to a
/// shortage occupation, which decides whether restricted pots may pay for it.
public struct CourseChoice: Sendable, Equatable {
    public let id: String
    public let title: String
    public let provider: String
    public let price: Miles
    public let forShortageOccupation: Bool
}

extension CareerData.Snapshot {
    /// The catalogue's course with this id, or nil when there is none.
    public func courseChoice(_ id: String) -> CourseChoice? {
        guard let course = catalogue.courses.first(where: { $0.id == id }) else { return nil }
        return CourseChoice(
            id: course.id, title: course.title, provider: course.provider,
            price: Miles(hundredths: Int64((course.costEuros * 100).rounded())), forShortageOccupation: leadsToShortageOccupation(course))
    }

    /// The catalogue's title for a course id, without the shortage check `courseChoice` makes.
    public func courseTitle(_ id: String) -> String? { catalogue.courses.first { $0.id == id }?.title }

    /// Whether the course teaches an essential skill of an occupation the outlook table marks as a
    /// shortage occupation. Only the course's own skills are looked up, and the search stops at
    /// the first such occupation.
    func leadsToShortageOccupation(_ course: Course) -> Bool {
        let model = engine.model
        let taught = Set(course.skillURIs.compactMap { model.space.id(of: $0) })
        return model.occupations.indices.contains { o in
            model.essentialSkills(of: o).contains(where: taught.contains)
                && outlook.entries(forURI: model.occupations[o].uri, iscoGroup: model.occupations[o].iscoGroup).contains { $0.kind == .shortage }
        }
    }
}

/// A worker reserves points for a catalogue course: the CLI and the web take this one path.
public struct CourseReservations: Sendable {
    let database: any Database
    /// The catalogue the course is looked up in; nil until ESCO is loaded.
    let snapshot: CareerData.Snapshot?
    let now: @Sendable () -> Date

    /// `requestID` makes a repeated request harmless (a double click, a retry).
    public func reserve(worker: String, courseID: String, requestID: String, cause: String) async throws -> (reservation: ReservationRow, repeated: Bool) {
        guard let snapshot else { throw ReservationProblem.catalogueNotLoaded }
        guard let course = snapshot.courseChoice(courseID) else { throw ReservationProblem.unknownCourse(courseID) }
        guard course.price > .zero else { throw ReservationProblem.freeCourse(courseID) }
        let pots = Spending.PotTerms.from(try await LeermilesStore(database: database).rules())
        return try await ReservationStore(database: database).reserve(
            id: requestID, worker: worker, courseID: course.id, price: course.price,
            forShortageOccupation: course.forShortageOccupation, pots: pots, cause: cause,
            now: now())
    }
}
