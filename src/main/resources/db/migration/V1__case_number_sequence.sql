-- Case numbers (C-<year>-<number>) come from one sequence shared by every application node.
CREATE SEQUENCE case_number_seq START WITH 1 INCREMENT BY 1;
