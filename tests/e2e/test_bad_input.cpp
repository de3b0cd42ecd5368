// Bad-input tests: written once the input stage lands.
