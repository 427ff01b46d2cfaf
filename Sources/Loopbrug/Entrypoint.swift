import App
import ArgumentParser
@main struct Loopbrug: ParsableCommand { func run() {} }
