extension Vacancy {
    public static let csvColumns = [
        "id", "kind", "title", "employer", "occupation", "skills", "hours_min", "hours_max",
        "place", "contract", "start", "sector", "days",
    ]

    /// Reads one vacancy from a CSV row or a form, checking every field against ESCO and the places.
    public static func read(_ row: CSVRow, model: ReachabilityModel, places: PlaceDirectory) throws(FieldProblem) -> Vacancy {
        let id = try row.required("id", maxLength: 64)
        guard let kind = Kind(rawValue: row.text("kind").lowercased()) else {
            throw FieldProblem("kind", .notOneOf(row.text("kind"), allowed: ["vacancy", "klus"]))
        }
        let occupation = row.text("occupation")
        if !occupation.isEmpty, model.index(of: occupation) == nil {
            throw FieldProblem("occupation", .notESCOOccupation(occupation))
        }
        let skills = row.list("skills")
        guard !skills.isEmpty else { throw FieldProblem("skills", .vacancyWithoutSkill) }
        if let unknown = skills.first(where: { model.space.id(of: $0) == nil }) {
            throw FieldProblem("skills", .notESCOSkill(unknown))
        }
        let hoursMin = try row.integer("hours_min", in: 1...60)
        let hoursMax = try row.integer("hours_max", in: 1...60)
        guard hoursMax >= hoursMin else { throw FieldProblem("hours_max", .lessThanHoursMin(hoursMin)) }
        let placeName = try row.required("place")
        guard let place = places.place(named: placeName) else {
            throw FieldProblem("place", .unknownPlace(placeName))
        }
        guard let contract = ContractType(rawValue: row.text("contract").lowercased()) else {
            throw FieldProblem("contract", .notOneOf(row.text("contract"), allowed: ContractType.allCases.map(\.rawValue)))
        }
        let sector = row.text("sector").uppercased()
        if !sector.isEmpty {
            guard let letter = sector.first, SBI.sections[String(letter)] != nil,
                sector.dropFirst().allSatisfy(\.isNumber), [0, 2, 3, 4, 5].contains(sector.count - 1)
            else {
                throw FieldProblem("sector", .notSBICode(sector))
            }
        }
        guard let days = Weekdays(codes: row.text("days")) else {
            throw FieldProblem("days", .notDays(row.text("days")))
        }
        return Vacancy(
            id: id, kind: kind, title: try row.required("title", maxLength: 120),
            employer: try row.required("employer", maxLength: 120), occupationURI: occupation.isEmpty ? nil : occupation,
            skillURIs: skills, hoursMin: hoursMin, hoursMax: hoursMax, place: place, contract: contract,
            start: try row.date("start"), sector: sector.isEmpty ? nil : sector, days: days)
    }

    /// Reads a CSV file of vacancies; ids must be unique in the file.
    public static func parse(_ bytes: [UInt8], model: ReachabilityModel, places: PlaceDirectory) -> CSVImportResult<Vacancy> {
        switch CSVRows.open(bytes, required: csvColumns) {
        case .failure(let problem): return .problems([problem])
        case .success(let rows): return parse(rows, model: model, places: places)
        }
    }

    /// The rows of a file already opened with `csvColumns`.
    public static func parse(_ rows: CSVRows, model: ReachabilityModel, places: PlaceDirectory) -> CSVImportResult<Vacancy> {
        var seen: [String: Int] = [:]
        return rows.map { row throws(FieldProblem) in
            let vacancy = try read(row, model: model, places: places)
            if let first = seen[vacancy.id] { throw FieldProblem("id", .duplicate(vacancy.id, line: first)) }
            seen[vacancy.id] = row.line
            return vacancy
        }
    }
}
