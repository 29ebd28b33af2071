// The demo school as a Classroom would list it, for the suites that sync it (tests/api/classroom.test.ts,
// tests/e2e/classroom.test.ts): a pupil matched by e-mail, one without e-mail written in Latin
// letters, a given name holding «Имя Отчество», a pupil whose courses disagree on the class, a new
// pupil, a namesake in another class, a teacher who studies in a staff course, an archived course.
import { FakeClassroom, type FakeClassroomOptions } from './fake-classroom.ts';

export const demoClassroomToken = 'fake-classroom-token';

export const teacher = { id: 'u-t-danilova', givenName: 'Елизавета', familyName: 'Данилова', email: 'e.danilova3@school17.example.ru' }; // t-0556
export const staff = { id: 'u-t-kudriavtsev', givenName: 'Михаил', familyName: 'Кудрявцев', email: 'm.kudriavtsev@school17.example.ru' }; // t-0557

export function demoClassroom(options: FakeClassroomOptions = {}): FakeClassroom {
  const classroom = new FakeClassroom({ tokens: [demoClassroomToken], ...options });
  classroom
    .addUser(teacher)
    .addUser(staff)
    // s-0304 by e-mail; s-0305 without e-mail and in Latin letters; s-0306 «Имя Отчество» in the given name.
    .addUser({ id: 'u-sorokin', givenName: 'Антон', familyName: 'Сорокин', email: 'a.sorokin2@school17.example.ru' })
    .addUser({ id: 'u-abramov', givenName: 'Konstantin', familyName: 'Abramov' })
    .addUser({ id: 'u-martynov', givenName: 'Глеб Николаевич', familyName: 'Мартынов' })
    // s-0308 in 7А's courses and in an 8Б course: the courses disagree.
    .addUser({ id: 'u-romanova', givenName: 'Елена', familyName: 'Романова' })
    // Nobody of this name: a new pupil of 7А, without e-mail.
    .addUser({ id: 'u-new', givenName: 'Ника', familyName: 'Новенькая' })
    // Иванов Лев is in 8Б; Classroom puts him in a 9А course: the name is there, in another class.
    .addUser({ id: 'u-ivanov', givenName: 'Лев', familyName: 'Иванов' })
    .addUser({ id: 'u-archived', givenName: 'Артемий', familyName: 'Архивов' })
    .addCourse({
      id: 'c-7a-algebra',
      name: 'Алгебра',
      section: '7А',
      teachers: [teacher.id],
      students: ['u-sorokin', 'u-abramov', 'u-martynov', 'u-romanova', 'u-new'],
    })
    .addCourse({ id: 'c-7a-russian', name: 'Русский язык 7 а', teachers: [teacher.id], students: ['u-sorokin', 'u-abramov', 'u-romanova'] })
    .addCourse({ id: 'c-8b', name: '8б класс', teachers: [staff.id], students: ['u-romanova'] })
    .addCourse({ id: 'c-9a', name: 'Геометрия', section: '9 А', teachers: [staff.id], students: ['u-ivanov'] })
    // A staff course: a teacher studies in it and stays a teacher.
    .addCourse({ id: 'c-staff', name: 'Педсовет', teachers: [staff.id], students: [teacher.id] })
    .addCourse({
      id: 'c-archived',
      name: 'Физика',
      section: '6А',
      courseState: 'ARCHIVED',
      teachers: [staff.id],
      students: ['u-archived'],
    });
  return classroom;
}
